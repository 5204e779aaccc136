package io.leadrouter.intake;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.lead.LeadColumns;
import io.leadrouter.lead.LeadData;
import io.leadrouter.normalise.Emails;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Reads a submitted lead (JSON object, or a CSV row turned into one) and checks every field, so
 * that a caller learns all that is wrong with a lead at once rather than one field per try.
 * Only hard errors are reported here; soft problems (unknown country, no company) are for the
 * Review lead task.
 */
final class LeadSubmissionParser {

    private static final List<String> FIELDS = List.of("externalId", "firstName", "lastName", "email", "phone",
            "company", "website", "country", "state", "city", "industry", "employees", "annualRevenue", "product",
            "source", "language", "attributes");

    /** How deep {@code attributes} may nest objects and arrays. */
    static final int MAX_ATTRIBUTES_DEPTH = 32;

    private LeadSubmissionParser() {
    }

    static List<String> fieldNames() {
        return FIELDS;
    }

    /** Returns the lead's data, or throws {@link InvalidInputException} naming every bad field. */
    static LeadData parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("$", "the lead must be a JSON object")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field; send further fields inside 'attributes'"));
            }
        }
        Fields fields = new Fields(body, errors);
        String externalId = fields.text("externalId");
        String firstName = fields.text("firstName");
        String lastName = fields.text("lastName");
        String email = fields.text("email");
        String phone = fields.text("phone");
        String company = fields.text("company");
        String website = fields.text("website");
        String country = fields.text("country");
        String state = fields.text("state");
        String city = fields.text("city");
        String industry = fields.text("industry");
        Integer employees = fields.wholeNumber("employees");
        BigDecimal annualRevenue = fields.amount("annualRevenue");
        String product = fields.text("product");
        String source = fields.text("source");
        String language = fields.text("language");
        String attributes = fields.object("attributes");

        String usableEmail = Emails.normalise(email);
        if (usableEmail != null && !Emails.isValidSyntax(usableEmail)) {
            errors.add(new FieldError("email", "'" + email + "' is not a valid e-mail address"));
        }
        if (usableEmail == null && Placeholders.clean(phone) == null && !fields.failed("email")
                && !fields.failed("phone")) {
            errors.add(new FieldError("email", "no way to contact the lead: give an e-mail address or a phone number"));
            errors.add(new FieldError("phone", "no way to contact the lead: give an e-mail address or a phone number"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LeadData data = new LeadData(externalId, firstName, lastName, email, phone, company, website, country, state,
                city, industry, employees, annualRevenue, product, source, language, attributes);
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

        boolean failed(String name) {
            return errors.stream().anyMatch(e -> e.field().equals(name));
        }

        private JsonNode value(String name) {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : node;
        }

        String text(String name) {
            JsonNode node = value(name);
            if (node == null) {
                return null;
            }
            String text;
            if (node.isTextual()) {
                text = node.asText().trim();
            } else if (node.isNumber() && (name.equals("phone") || name.equals("externalId"))) {
                text = node.asText();
            } else {
                errors.add(new FieldError(name, "must be a string"));
                return null;
            }
            int max = LeadColumns.maxLength(name);
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

        Integer wholeNumber(String name) {
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

        BigDecimal amount(String name) {
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

        String object(String name) {
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
            int max = LeadColumns.maxLength(name);
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
