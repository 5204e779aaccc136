package io.leadrouter.source;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The type a mapping gives an attribute ({@code type:} in a {@code *.source.yaml}), so that the
 * modelers' decisions compare numbers as numbers and flags as flags whatever the source sent:
 * CSV sends everything as text, form tools send {@code "12"} and {@code "Yes"}.
 */
enum ValueType {
    /** Text; a number or a flag becomes its text. */
    TEXT("text"),
    /** A number, with or without a fraction. */
    NUMBER("a number"),
    /** A whole number. */
    INTEGER("a whole number"),
    /** Yes or no: {@code yes/no}, {@code true/false}, {@code y/n}, {@code 1/0} in any case. */
    BOOLEAN("yes or no");

    /** Characters of a number read from text (reading a million digits costs seconds). */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Boolean> FLAGS = Map.of("yes", true, "no", false, "true", true,
            "false", false, "y", true, "n", false, "1", true, "0", false);

    private final String expected;

    ValueType(String expected) {
        this.expected = expected;
    }

    /** The type named so in a mapping file ({@code text}, {@code number}, {@code integer}, {@code boolean}). */
    static Optional<ValueType> named(String name) {
        for (ValueType type : values()) {
            if (type.fileName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** How the type is spelled in a mapping file. */
    String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a value must be, for an error message ("must be a number"). */
    String expected() {
        return expected;
    }

    /** The value as this type, or empty when it is not one (an object or array is never one). */
    Optional<JsonNode> convert(JsonNode value) {
        if (!value.isValueNode()) {
            return Optional.empty();
        }
        return switch (this) {
            case TEXT -> Optional.of(NODES.textNode(value.asText().trim()));
            case NUMBER -> number(value).map(ValueType::numberNode);
            case INTEGER -> number(value).filter(ValueType::isWhole).map(ValueType::numberNode);
            case BOOLEAN -> value.isBoolean() ? Optional.of(value)
                    : Optional.ofNullable(FLAGS.get(value.asText().trim().toLowerCase(Locale.ROOT)))
                            .map(NODES::booleanNode);
        };
    }

    /**
     * A number given as a JSON number or as plain decimal text ({@code 12}, {@code -3.5},
     * {@code 1e3}), within the range a decision can compare (a double); empty otherwise.
     */
    private static Optional<BigDecimal> number(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.empty();
        }
        String text = value.asText().trim();
        if (text.isEmpty() || text.length() > MAX_NUMBER_LENGTH) {
            return Optional.empty();
        }
        try {
            BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(text);
            return Double.isFinite(number.doubleValue()) ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return Optional.empty();
        }
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    /** A whole number that fits a long stays whole ({@code 12}, not {@code 12.0}); any other is a double. */
    private static JsonNode numberNode(BigDecimal number) {
        if (isWhole(number) && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return NODES.numberNode(number.longValueExact());
        }
        return NODES.numberNode(number.doubleValue());
    }
}
