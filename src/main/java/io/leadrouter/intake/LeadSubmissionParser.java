package io.leadrouter.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.normalise.Emails;
import io.leadrouter.normalise.Placeholders;
import io.leadrouter.lead.LeadData;
import io.leadrouter.system.FieldError;
import io.leadrouter.system.InvalidInputException;

/**
 * Reads a submitted lead (JSON object, or a CSV row turned into one) and checks every field, so
 * that a caller learns all that is wrong with a lead at once rather than one field per try.
 * Only hard errors are reported here; soft problems (unknown country, no company) are for the
 * Review lead task.
 */
final class LeadSubmissionParser {

    /** Text fields and the longest value each accepts (the column sizes). */
    private static final Map<String, Integer> TEXT_FIELDS = Map.ofEntries(
            Map.entry("externalId", 200), Map.entry("firstName", 200), Map.entry("lastName", 200),
            Map.entry("email", 320), Map.entry("phone", 50), Map.entry("company", 300),
            Map.entry("website", 500), Map.entry("country", 100), Map.entry("state", 100),
            Map.entry("city", 200), Map.entry("industry", 200), Map.entry("product", 200),
            Map.entry("source", 200), Map.entry("language", 20));

    private static final List<String> FIELDS = List.of("externalId", "firstName", "lastName", "email", "phone",
            "company", "website", "country", "state", "city", "industry", "employees", "annualRevenue", "product",
            "source", "language", "attributes");

    private static final int MAX_ATTRIBUTES_LENGTH = 65_535;

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
        return new LeadData(externalId, firstName, lastName, email, phone, company, website, country, state, city,
                industry, employees, annualRevenue, product, source, language, attributes);
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
            int max = TEXT_FIELDS.get(name);
            if (text.length() > max) {
                errors.add(new FieldError(name, "must be at most " + max + " characters"));
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
            if (!node.isNumber() || node.decimalValue().signum() < 0
                    || node.decimalValue().compareTo(new BigDecimal("1e17")) >= 0) {
                errors.add(new FieldError(name, "must be a number of at least 0 (annual revenue in USD)"));
                return null;
            }
            return node.decimalValue();
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
            String json = node.toString();
            if (json.length() > MAX_ATTRIBUTES_LENGTH) {
                errors.add(new FieldError(name, "must be at most " + MAX_ATTRIBUTES_LENGTH + " characters as JSON"));
                return null;
            }
            return node.isEmpty() ? null : json;
        }
    }
}
