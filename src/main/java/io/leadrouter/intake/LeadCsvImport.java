package io.leadrouter.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.source.LeadSources;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Imports a CSV file of leads. The header names the columns, which are read through the mapping
 * of the source the caller names, or the {@code default} mapping
 * ({@code processes/sources/default.source.yaml}: Lead Router's field names in any case and
 * spacing, such as {@code First Name}, {@code first_name}, {@code firstName}, and common export
 * names such as {@code Email Address}); every other column is kept in the lead's
 * {@code attributes}. Each row is checked and accepted like a lead posted alone, in its own
 * transaction, so one bad row costs only itself.
 */
@Service
public class LeadCsvImport {

    private final LeadIntake intake;
    private final LeadSources sources;
    private final ObjectMapper json;
    private final int maxErrors;

    LeadCsvImport(LeadIntake intake, LeadSources sources, ObjectMapper json, ImportProperties properties) {
        this.intake = intake;
        this.sources = sources;
        this.json = json;
        this.maxErrors = properties.maxErrors();
    }

    /**
     * What an import did: rows read, leads created, rows that matched an existing externalId, and
     * rejected rows. {@code errors} lists the first rejected rows ({@code leadrouter.imports.max-errors},
     * 100 by default); {@code errorsOmitted} counts the rejected rows not listed.
     */
    public record Report(int rows, int created, int existing, int rejected, List<RowError> errors, int errorsOmitted) {
    }

    /** A rejected row; {@code line} counts the header as line 1. */
    public record RowError(int line, List<FieldError> errors) {
    }

    /**
     * Imports the file's rows through the source's mapping ({@link SourceMapping#DEFAULT} when the
     * caller names none); an unknown source or a broken mapping refuses the whole file up front.
     */
    public Report importCsv(String content, String sourceId, String submittedBy) {
        SourceMapping mapping = sources.require(sourceId == null ? SourceMapping.DEFAULT : sourceId);
        Tally tally = new Tally();
        List<RowError> errors = new ArrayList<>();
        forEachRow(content, mapping, row -> {
            if (row.fields() != null) {
                tally.rows++;
            }
            try {
                if (row.lead() == null) {
                    throw new InvalidInputException(row.errors());
                }
                if (intake.submit(row.lead(), mapping.id(), submittedBy).created()) {
                    tally.created++;
                } else {
                    tally.existing++;
                }
            } catch (InvalidInputException invalid) {
                tally.rejected++;
                if (errors.size() < maxErrors) {
                    errors.add(new RowError(row.line(), invalid.errors()));
                }
            }
        });
        return new Report(tally.rows, tally.created, tally.existing, tally.rejected, errors,
                tally.rejected - errors.size());
    }

    private static final class Tally {
        int rows;
        int created;
        int existing;
        int rejected;
    }

    /**
     * A row of a CSV file read through a source's mapping: its line (the header is line 1), the
     * row's values by column as the file gives them, and the lead they make, checked like a
     * posted lead; or, for a row that cannot be a lead, {@code lead} null and what is wrong in
     * {@code errors}. When the file cannot be read on from some point (an unclosed quote), the
     * last row handed on has {@code fields} null and says where reading stopped.
     */
    public record MappedRow(int line, Map<String, String> fields, LeadData lead, List<FieldError> errors) {
    }

    /**
     * Reads a CSV file of leads row by row through the mapping, as this import does, and hands
     * each row on: one reading of lead files for every import that takes them (live leads here,
     * past leads as history elsewhere).
     */
    public void forEachRow(String content, SourceMapping mapping, Consumer<MappedRow> each) {
        int rows = 0;
        try (LeadCsvRows csvRows = LeadCsvRows.read(new StringReader(content))) {
            for (LeadCsvRows.Row row = csvRows.next(); row != null; row = csvRows.next()) {
                rows++;
                int line = rows + 1;
                MappedRow mapped;
                try {
                    mapped = new MappedRow(line, row.values(), lead(row, mapping, null), List.of());
                } catch (InvalidInputException invalid) {
                    mapped = new MappedRow(line, row.values(), null, invalid.errors());
                }
                each.accept(mapped);
            }
        } catch (LeadCsvRows.Unreadable unreadable) {
            // rows before this point are handed on; report where reading stopped
            each.accept(new MappedRow(rows + 2, null, null, List.of(unreadable.error())));
        } catch (IOException closingAString) {
            throw new UncheckedIOException(closingAString);
        }
    }

    /**
     * A row as a lead to submit, read through the source's mapping and checked like a posted
     * lead, or {@link InvalidInputException} naming what is wrong with it. {@code externalIdIfNone}
     * (may be null) stands in for a missing externalId; it does not count as the person's id in a
     * source that keeps contact data ({@link SourceMapping#contactKeptAtSource()}).
     */
    LeadData lead(LeadCsvRows.Row row, SourceMapping mapping, String externalIdIfNone) {
        if (row.unreadable() != null) {
            throw new InvalidInputException(List.of(row.unreadable()));
        }
        LeadData data = LeadSubmissionParser.parse(toJson(row.values()), mapping);
        if (externalIdIfNone != null && data.externalId() == null) {
            Map<LeadField, Object> standIn = new EnumMap<>(LeadField.class);
            standIn.put(LeadField.EXTERNAL_ID, externalIdIfNone);
            data = data.with(standIn);
        }
        return data;
    }

    /** A CSV row as a JSON object of the source's fields, each value as text (the mapping gives types). */
    ObjectNode toJson(Map<String, String> row) {
        ObjectNode fields = json.createObjectNode();
        row.forEach(fields::put);
        return fields;
    }
}
