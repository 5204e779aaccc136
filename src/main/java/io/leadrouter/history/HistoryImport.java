package io.leadrouter.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.leadrouter.intake.ImportProperties;
import io.leadrouter.intake.LeadCsvImport;
import io.leadrouter.intake.LeadNormaliser;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.source.HistoryColumns;
import io.leadrouter.source.LeadSources;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidRequestException;

/**
 * Imports a CRM's past leads with their outcomes, as history for scoring models to learn from:
 * each row is read through the source's mapping exactly as intake reads a live lead's row
 * ({@link LeadCsvImport#forEachRow}), normalised as validation normalises a live lead, and stored
 * closed ({@link Lead#fromHistory}), never routed. The outcome and the order in time come from
 * the columns the mapping's {@code history:} part names ({@link HistoryColumns}), which the
 * mapping's {@code fields:} may well drop for live leads (an outcome is not known at intake).
 *
 * <p>Idempotent: a row whose externalId this source's history holds already is counted as known
 * and not stored again, so a file may be imported again after a fix, or with newer rows added.
 */
@Service
public class HistoryImport {

    private static final Logger log = LoggerFactory.getLogger(HistoryImport.class);

    private final LeadSources sources;
    private final LeadCsvImport csv;
    private final HistoryLeads history;
    private final Clock clock;
    private final int maxErrors;

    HistoryImport(LeadSources sources, LeadCsvImport csv, HistoryLeads history, Clock clock,
                  ImportProperties properties) {
        this.sources = sources;
        this.csv = csv;
        this.history = history;
        this.clock = clock;
        this.maxErrors = properties.maxErrors();
    }

    /**
     * What an import did: rows read, leads stored (of them converted), rows whose lead this
     * source's history held already, and refused rows. {@code errors} lists the first refused
     * rows ({@code leadrouter.imports.max-errors}), each with its line (the header is line 1) and
     * why; {@code errorsOmitted} counts those not listed.
     */
    public record Report(String source, int rows, int stored, int converted, int alreadyKnown, int refused,
                  List<LeadCsvImport.RowError> errors, int errorsOmitted) {
    }

    /**
     * Imports the file's past leads through the source's mapping. The whole file is refused up
     * front when the source is unknown (400), its mapping broken or without a {@code history:}
     * part (422), or no row of the file has the outcome and order columns (400).
     */
    public Report importCsv(String content, String sourceId, String importedBy) {
        if (sourceId == null) {
            throw new InvalidRequestException("Name the source of the past leads with ?source=<source id>: its "
                    + "mapping (processes/sources/<source id>.source.yaml) says which column holds the outcome.");
        }
        SourceMapping mapping = sources.require(sourceId);
        HistoryColumns columns = mapping.history().orElseThrow(() -> new NoHistoryColumnsException(mapping));
        String externalIdColumn = mapping.sourceFieldOf(LeadField.EXTERNAL_ID).orElse(LeadField.EXTERNAL_ID.fieldName());
        long start = System.nanoTime();
        Set<String> known = new HashSet<>(history.externalIdsOf(mapping.id()));
        Instant now = clock.instant();

        List<Lead> toStore = new ArrayList<>();
        List<LeadCsvImport.RowError> errors = new ArrayList<>();
        Tally tally = new Tally();
        csv.forEachRow(content, mapping, row -> {
            if (row.fields() != null) {
                tally.rows++;
                tally.columnsSeen = tally.columnsSeen || hasColumns(row.fields(), columns);
            }
            List<FieldError> problems = new ArrayList<>(row.errors());
            Optional<Boolean> converted = Optional.empty();
            Long order = null;
            if (row.lead() != null) {
                converted = columns.converted(row.fields());
                if (converted.isEmpty()) {
                    problems.add(new FieldError(columns.outcome(), "no outcome: a past lead is learned from by "
                            + "whether it converted"));
                }
                order = order(row.fields(), columns, row.line(), problems);
                if (row.lead().externalId() == null) {
                    problems.add(new FieldError(externalIdColumn, "a past lead needs its " + externalIdColumn
                            + " (externalId): importing the file again must not store it twice"));
                }
            }
            if (row.lead() == null || !problems.isEmpty()) {
                tally.refused++;
                if (errors.size() < maxErrors) {
                    errors.add(new LeadCsvImport.RowError(row.line(), problems));
                }
                return;
            }
            if (!known.add(row.lead().externalId())) {
                tally.alreadyKnown++;
                return;
            }
            LeadNormaliser.Result normalised = LeadNormaliser.normalise(row.lead());
            toStore.add(Lead.fromHistory(normalised.data(), normalised.countrySource(), normalised.problems(),
                    mapping.id(), order, converted.get(), now, importedBy));
        });
        if (tally.rows > 0 && !tally.columnsSeen) {
            throw new InvalidRequestException("The file has no column '" + columns.outcome() + "'"
                    + (columns.order() == null ? "" : " or no column '" + columns.order() + "'")
                    + ", which the source's mapping names in its history part: nothing was stored.");
        }
        long read = System.nanoTime();
        List<Lead> stored = history.store(mapping.id(), toStore);
        log.info("History of {}: {} rows read in {} ms, {} leads stored in {} ms ({} already known, {} refused)",
                mapping.id(), tally.rows, (read - start) / 1_000_000, stored.size(),
                (System.nanoTime() - read) / 1_000_000, tally.alreadyKnown + toStore.size() - stored.size(),
                tally.refused);
        int converted = (int) stored.stream().filter(lead -> lead.getOutcome() == LeadOutcome.CONVERTED).count();
        return new Report(mapping.id(), tally.rows, stored.size(), converted,
                tally.alreadyKnown + toStore.size() - stored.size(), tally.refused, errors,
                tally.refused - errors.size());
    }

    private static final class Tally {
        int rows;
        int alreadyKnown;
        int refused;
        boolean columnsSeen;
    }

    /** The row's place in time: the order column's whole number, or its line in the file when the mapping names none. */
    private static Long order(Map<String, String> fields, HistoryColumns columns, int line,
                              List<FieldError> problems) {
        if (columns.order() == null) {
            return (long) line;
        }
        Optional<String> value = HistoryColumns.value(fields, columns.order());
        try {
            return Long.parseLong(value.orElseThrow(() -> new NumberFormatException("blank")).replace(",", ""));
        } catch (NumberFormatException notWhole) {
            problems.add(new FieldError(columns.order(), "must be a whole number, the lead's place in time "
                    + "among the past leads"));
            return null;
        }
    }

    /** Whether the row has the outcome column and, if the mapping names one, the order column (blank or not). */
    private static boolean hasColumns(Map<String, String> fields, HistoryColumns columns) {
        return hasColumn(fields, columns.outcome()) && (columns.order() == null || hasColumn(fields, columns.order()));
    }

    private static boolean hasColumn(Map<String, String> fields, String column) {
        return fields.keySet().stream().anyMatch(name -> HistoryColumns.sameColumn(name, column));
    }
}
