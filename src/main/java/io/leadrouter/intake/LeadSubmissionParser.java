package io.leadrouter.intake;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.LeadColumns;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.normalise.Emails;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Reads a submitted lead (a JSON object in Lead Router's form, or a source's own fields through
 * its mapping: a posted object, a CSV row) and checks every field, so that a caller learns all
 * that is wrong with a lead at once rather than one field per try. Only hard errors are reported
 * here; soft problems (unknown country, no company, no contact data) are for validation and the
 * review policy.
 */
final class LeadSubmissionParser {

    /** How deep {@code attributes} may nest objects and arrays. */
    static final int MAX_ATTRIBUTES_DEPTH = 32;

    private LeadSubmissionParser() {
    }

    /**
     * A lead in Lead Router's own form ({@code POST /api/leads} without a source): its data, or
     * {@link InvalidInputException} naming every bad field. Only Lead Router's field names are
     * known at the top level; further fields go inside {@code attributes}.
     */
    static LeadData parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("$", "the lead must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (LeadField.named(name).isEmpty()) {
                errors.add(new FieldError(name, "unknown field; send further fields inside 'attributes'"));
            }
        }
        return parse(body, errors, null);
    }

    /**
     * A lead as a source sent it (a flat object of the source's own fields; a CSV row), read
     * through the source's mapping. Errors name the source's fields ("TotalVisits: must be a
     * number"); a field without a source name keeps Lead Router's.
     */
    static LeadData parse(JsonNode sourceFields, SourceMapping mapping) {
        if (sourceFields == null || !sourceFields.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("$",
                    "the lead must be a JSON object of the fields of " + mapping.name())));
        }
        SourceMapping.Mapped mapped = mapping.map((ObjectNode) sourceFields);
        ContactKeptAtSource contactKept = mapping.contactKeptAtSource()
                ? new ContactKeptAtSource(mapping.name(), mapping.sourceFieldOf(LeadField.EXTERNAL_ID).orElse(null))
                : null;
        List<FieldError> errors = new ArrayList<>(mapped.errors());
        try {
            LeadData data = parse(mapped.lead(), new ArrayList<>(), contactKept);
            if (errors.isEmpty()) {
                return data;
            }
        } catch (InvalidInputException invalid) {
            invalid.errors().stream().map(mapped::inSourceTerms).forEach(errors::add);
        }
        throw new InvalidInputException(errors);
    }

    /**
     * The source keeps the person's contact data ({@link SourceMapping#contactKeptAtSource()}):
     * its name, and what it calls the person's id there (null when its mapping names none).
     */
    private record ContactKeptAtSource(String source, String idField) {
    }

    /** Reads every field, adding to {@code errors} (problems found so far); the data, or every error. */
    private static LeadData parse(JsonNode body, List<FieldError> errors, ContactKeptAtSource contactKept) {
        Fields fields = new Fields(body, errors);
        Map<LeadField, Object> values = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            values.put(field, fields.read(field));
        }
        String email = (String) values.get(LeadField.EMAIL);
        String phone = (String) values.get(LeadField.PHONE);

        String usableEmail = Emails.normalise(email);
        if (usableEmail != null && !Emails.isValidSyntax(usableEmail)) {
            errors.add(new FieldError(LeadField.EMAIL.fieldName(), "'" + email + "' is not a valid e-mail address"));
        }
        boolean noContact = usableEmail == null && Placeholders.clean(phone) == null
                && !fields.failed(LeadField.EMAIL) && !fields.failed(LeadField.PHONE);
        if (noContact && contactKept == null) {
            for (LeadField contact : List.of(LeadField.EMAIL, LeadField.PHONE)) {
                errors.add(new FieldError(contact.fieldName(),
                        "no way to contact the lead: give an e-mail address or a phone number"));
            }
        } else if (noContact && values.get(LeadField.EXTERNAL_ID) == null && !fields.failed(LeadField.EXTERNAL_ID)) {
            // the rep finds the person in the source system by this id: without it nobody can reach them
            String id = contactKept.idField() == null ? "its externalId"
                    : "its " + contactKept.idField() + " (externalId)";
            for (LeadField contact : List.of(LeadField.EMAIL, LeadField.PHONE, LeadField.EXTERNAL_ID)) {
                errors.add(new FieldError(contact.fieldName(), "no way to contact the lead: give an e-mail "
                        + "address, a phone number, or " + id + " by which " + contactKept.source()
                        + " knows the person"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LeadData data = LeadData.of(values::get);
        requireStorable(data);
        return data;
    }

    /**
     * The lead is stored as sent and then normalised by the routing job: both forms must fit the
     * columns, or the job would fail on a lead already acknowledged (finding: {@code İ} lower-cases
     * to two characters). Checked here so such a lead is refused with 400 instead.
     */
    static void requireStorable(LeadData data) {
        List<FieldError> errors = new ArrayList<>(LeadColumns.misfits(data, null));
        if (errors.isEmpty()) {
            errors.addAll(LeadColumns.misfits(LeadNormaliser.normalise(data).data(), "once normalised"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private record Fields(JsonNode body, List<FieldError> errors) {

        boolean failed(LeadField field) {
            return errors.stream().anyMatch(e -> e.field().equals(field.fieldName()));
        }

        /** The field's value as its kind wants it, or null (absent, or wrong: then an error names it). */
        Object read(LeadField field) {
            return switch (field.kind()) {
                case TEXT -> text(field, false);
                case TEXT_OR_NUMBER -> text(field, true);
                case WHOLE_NUMBER -> wholeNumber(field.fieldName());
                case AMOUNT -> amount(field.fieldName());
                case OBJECT -> object(field);
            };
        }

        private JsonNode value(String name) {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : node;
        }

        private String text(LeadField field, boolean numberAsText) {
            String name = field.fieldName();
            JsonNode node = value(name);
            if (node == null) {
                return null;
            }
            String text;
            if (node.isTextual()) {
                text = node.asText().trim();
            } else if (node.isNumber() && numberAsText) {
                text = node.asText();
            } else {
                errors.add(new FieldError(name, "must be a string"));
                return null;
            }
            int max = field.maxLength();
            Optional<String> unstorable = StorableText.problem(text);
            if (unstorable.isPresent()) {
                errors.add(new FieldError(name, unstorable.get()));
                return null;
            }
            if (text.length() > max) {
                errors.add(new FieldError(name, "must be at most " + max + " characters (it is " + text.length() + ")"));
                return null;
            }
            return text.isEmpty() ? null : text;
        }

        private Integer wholeNumber(String name) {
            JsonNode node = value(name);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
                errors.add(new FieldError(name, "must be a whole number from 0 to " + Integer.MAX_VALUE));
                return null;
            }
            return node.intValue();
        }

        private BigDecimal amount(String name) {
            JsonNode node = value(name);
            if (node == null) {
                return null;
            }
            // a JSON number past the double range (1e309) arrives as infinity: judged before any conversion
            if (!node.isNumber() || node.isFloatingPointNumber() && !node.isBigDecimal()
                    && !Double.isFinite(node.doubleValue())) {
                errors.add(new FieldError(name, "must be " + LeadColumns.revenueRange()));
                return null;
            }
            Optional<BigDecimal> cents = LeadColumns.revenueInCents(node.decimalValue());
            if (cents.isEmpty()) {
                errors.add(new FieldError(name, "must be " + LeadColumns.revenueRange()));
                return null;
            }
            return cents.get();
        }

        private String object(LeadField field) {
            String name = field.fieldName();
            JsonNode node = value(name);
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                errors.add(new FieldError(name, "must be a JSON object"));
                return null;
            }
            if (deeperThan(node, MAX_ATTRIBUTES_DEPTH)) {
                // a lead is answered inside other JSON (a page of leads): it must stay writable there
                errors.add(new FieldError(name, "must be nested at most " + MAX_ATTRIBUTES_DEPTH + " levels deep"));
                return null;
            }
            String json = node.toString();
            int max = field.maxLength();
            Optional<String> unstorable = StorableText.problem(json);
            if (unstorable.isPresent()) {
                errors.add(new FieldError(name, unstorable.get()));
                return null;
            }
            if (json.length() > max) {
                errors.add(new FieldError(name, "must be at most " + max + " characters as JSON (it is "
                        + json.length() + ")"));
                return null;
            }
            return node.isEmpty() ? null : json;
        }
    }

    /** Whether objects and arrays nest deeper than {@code levels} below {@code node} (counted without recursion). */
    static boolean deeperThan(JsonNode node, int levels) {
        ArrayDeque<JsonNode> level = new ArrayDeque<>(List.of(node));
        for (int depth = 1; !level.isEmpty(); depth++) {
            if (depth > levels) {
                return true;
            }
            ArrayDeque<JsonNode> next = new ArrayDeque<>();
            for (JsonNode container : level) {
                container.forEach(child -> {
                    if (child.isContainerNode()) {
                        next.add(child);
                    }
                });
            }
            level = next;
        }
        return false;
    }
}
