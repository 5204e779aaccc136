package io.leadrouter.lead;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The further fields a source system sent with a lead (its {@code attributes}, kept as given or
 * as the source's mapping named and typed them), read by name.
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

    /** The attribute given as text or a number, as trimmed text; null if none. */
    public String text(String name) {
        JsonNode value = value(name);
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** The attribute as a whole number (rounded), given as a number or numeric text; null if none or not a number. */
    public Integer whole(String name) {
        JsonNode value = value(name);
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

    private JsonNode value(String name) {
        JsonNode value = attributes.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
