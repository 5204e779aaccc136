package io.leadrouter.intake;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Imports a CSV file of leads. The header names the columns: Lead Router's field names or their
 * CSV aliases ({@link LeadField#csvAliases()}) in any case and spacing ({@code First Name},
 * {@code first_name}, {@code firstName}); every other column is kept in the lead's
 * {@code attributes}. Each row is checked and accepted like a lead posted alone, in its own
 * transaction, so one bad row costs only itself.
 */
@Service
public class LeadCsvImport {

    private static final Map<String, LeadField> COLUMN_TO_FIELD = columnAliases();

    /** Characters of a number read from CSV (Jackson reads JSON numbers of up to 1,000 too). */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final LeadIntake intake;
    private final ObjectMapper json;
    private final int maxErrors;

    LeadCsvImport(LeadIntake intake, ObjectMapper json, ImportProperties properties) {
        this.intake = intake;
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

    public Report importCsv(String content, String submittedBy) {
        int rows = 0;
        int created = 0;
        int existing = 0;
        int rejected = 0;
        List<RowError> errors = new ArrayList<>();
        try (LeadCsvRows csvRows = LeadCsvRows.read(new StringReader(content))) {
            for (LeadCsvRows.Row row = csvRows.next(); row != null; row = csvRows.next()) {
                rows++;
                int line = rows + 1;
                try {
                    LeadIntake.Accepted accepted = intake.submit(lead(row, null), submittedBy);
                    if (accepted.created()) {
                        created++;
                    } else {
                        existing++;
                    }
                } catch (InvalidInputException invalid) {
                    rejected++;
                    if (errors.size() < maxErrors) {
                        errors.add(new RowError(line, invalid.errors()));
                    }
                }
            }
        } catch (LeadCsvRows.Unreadable unreadable) {
            // rows before this point are imported; report where reading stopped
            rejected++;
            if (errors.size() < maxErrors) {
                errors.add(new RowError(rows + 2, List.of(unreadable.error())));
            }
        } catch (IOException closingAString) {
            throw new UncheckedIOException(closingAString);
        }
        return new Report(rows, created, existing, rejected, errors, rejected - errors.size());
    }

    /**
     * A row as a lead to submit, checked like a posted lead, or {@link InvalidInputException}
     * naming what is wrong with it. {@code externalIdIfNone} (may be null) stands in for a
     * missing externalId.
     */
    LeadData lead(LeadCsvRows.Row row, String externalIdIfNone) {
        if (row.unreadable() != null) {
            throw new InvalidInputException(List.of(row.unreadable()));
        }
        ObjectNode lead = toJson(row.values());
        if (externalIdIfNone != null && !lead.hasNonNull("externalId")) {
            lead.put("externalId", externalIdIfNone);
        }
        return LeadSubmissionParser.parse(lead);
    }

    /** A CSV row as the JSON of a posted lead: known columns by field name, the rest in attributes. */
    ObjectNode toJson(Map<String, String> row) {
        ObjectNode lead = json.createObjectNode();
        ObjectNode attributes = json.createObjectNode();
        row.forEach((column, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            LeadField field = COLUMN_TO_FIELD.get(key(column));
            if (field == null) {
                attributes.put(column.trim(), value.trim());
            } else if (field.kind() == LeadField.Kind.WHOLE_NUMBER) {
                putNumber(lead, field.fieldName(), value, true);
            } else if (field.kind() == LeadField.Kind.AMOUNT) {
                putNumber(lead, field.fieldName(), value, false);
            } else {
                lead.put(field.fieldName(), value.trim());
            }
        });
        if (!attributes.isEmpty()) {
            lead.set("attributes", attributes);
        }
        return lead;
    }

    /**
     * Numbers arrive as text in CSV; unreadable ones stay text so the parser names the field. A
     * number of more digits than any column holds stays text too (reading a million digits costs
     * seconds); an exponent is fine, its size is judged without expanding it.
     */
    private static void putNumber(ObjectNode lead, String field, String value, boolean whole) {
        String plain = value.trim().replace(",", "").replace("_", "");
        if (plain.length() > MAX_NUMBER_LENGTH) {
            lead.put(field, value.trim());
            return;
        }
        try {
            BigDecimal number = new BigDecimal(plain);
            if (whole && number.scale() <= 0) {
                lead.put(field, number.longValueExact() <= Integer.MAX_VALUE ? number.intValue() : Long.MAX_VALUE);
            } else if (whole) {
                lead.put(field, value.trim());
            } else {
                lead.put(field, number);
            }
        } catch (NumberFormatException | ArithmeticException notANumber) {
            lead.put(field, value.trim());
        }
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Each field by its name and its CSV aliases, as {@link #key} spells them; no column maps to attributes. */
    private static Map<String, LeadField> columnAliases() {
        Map<String, LeadField> aliases = new HashMap<>();
        for (LeadField field : LeadField.values()) {
            if (field.kind() != LeadField.Kind.OBJECT) {
                aliases.put(key(field.fieldName()), field);
                field.csvAliases().forEach(alias -> aliases.put(key(alias), field));
            }
        }
        return Map.copyOf(aliases);
    }
}
