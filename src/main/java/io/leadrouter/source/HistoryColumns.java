package io.leadrouter.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadrouter.lead.FieldNames;

/**
 * Where a source's export of past leads keeps what intake never stores: the outcome, read when
 * past leads are imported as history for scoring models to learn from ({@code history:} in the
 * source's mapping file). The modeler names the outcome column, the values of it that mean
 * "converted" (any other value means "not converted"; a blank one is no outcome) and, optionally,
 * the column that orders the leads in time, so that validation can hold out the newest.
 *
 * @param outcome   the outcome column, as the source calls it (matched in any case and spacing)
 * @param converted the outcome values that mean converted, as matched ({@link SourceMapping#spoken})
 * @param order     the column whose whole numbers order the leads in time (older first); null:
 *                  the order of the rows in the file
 */
public record HistoryColumns(String outcome, Set<String> converted, String order) {

    public HistoryColumns {
        converted = Set.copyOf(converted);
    }

    /** The row's outcome: converted or not, empty when its outcome column is blank or absent. */
    public Optional<Boolean> converted(Map<String, String> row) {
        return value(row, outcome).map(value -> converted.contains(SourceMapping.spoken(value)));
    }

    /** Whether a file's column is the one named so in the mapping: names match in any case and spacing. */
    public static boolean sameColumn(String fileColumn, String mappingColumn) {
        return FieldNames.key(fileColumn).equals(FieldNames.key(mappingColumn));
    }

    /** The value of the row's column named so in the mapping (in any case and spacing); empty when blank or absent. */
    public static Optional<String> value(Map<String, String> row, String column) {
        for (Map.Entry<String, String> field : row.entrySet()) {
            if (sameColumn(field.getKey(), column)) {
                String value = field.getValue();
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
