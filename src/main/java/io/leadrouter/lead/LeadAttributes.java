package io.leadrouter.lead;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The further fields a source system sent with a lead (its {@code attributes}, kept as given),
 * read by name. A field may go by several names ({@code totalVisits}, or {@code TotalVisits} as
 * marketing exports call it): the first present wins.
 */
public final class LeadAttributes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final JsonNode attributes;

    private LeadAttributes(JsonNode attributes) {
        this.attributes = attributes;
    }

    public static LeadAttributes of(Lead lead) {
        if (lead.getAttributes() == null) {
            return new LeadAttributes(JsonNodeFactory.instance.objectNode());
        }
        try {
            return new LeadAttributes(JSON.readTree(lead.getAttributes()));
        } catch (JsonProcessingException storedByUs) {
            throw new IllegalStateException("Attributes of lead " + lead.getId() + " are not JSON", storedByUs);
        }
    }

    /** All attributes, as JSON (an empty object when there are none). */
    public JsonNode json() {
        return attributes;
    }

    /**
     * Every attribute by its name as a plain Java value: text, a number, a boolean, null, or a
     * map or list for a nested object or array.
     */
    public Map<String, Object> values() {
        return JSON.convertValue(attributes, VALUES);
    }

    /** The first of these attributes given as text or a number, as trimmed text; null if none. */
    public String text(String... names) {
        JsonNode value = first(names);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** The first of these attributes as a whole number, given as a number or numeric text; null if none or not a number. */
    public Integer whole(String... names) {
        JsonNode value = first(names);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return (int) Math.round(value.doubleValue());
        }
        try {
            return (int) Math.round(Double.parseDouble(value.asText().trim()));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private JsonNode first(String... names) {
        for (String name : names) {
            JsonNode value = attributes.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
