package io.leadrouter.source;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.FieldNames;
import io.leadrouter.lead.LeadField;
import io.leadrouter.web.FieldError;

/**
 * How one lead source's fields become a lead: read from the source's
 * {@code processes/sources/<source id>.source.yaml}, which a modeler edits and deploys with the
 * models (the format is described at the top of each shipped file). A mapping turns the source's
 * own field names and values into Lead Router's fields and named attributes; the intake parser
 * then checks the result like any posted lead, and errors name the source's field again.
 *
 * <p>The rules, in order, for each field the source sent (names matched in any case and spacing):
 * <ol>
 * <li>a field the file names goes where the file says ({@code to:}), or is dropped ({@code ignore: true});
 * <li>a field named like a Lead Router field ({@code email}, {@code First Name}) goes to that field;
 * <li>any other field stays in {@code attributes} under its own name, as given (a nested object or
 *     array too); an {@code attributes} object is merged into them.
 * </ol>
 * Blank values and the source's {@code placeholders} are "not answered", as is a value the file's
 * value map ({@code values:}) maps to null; a value map applies before the placeholders. When two
 * fields fill one target, the first with a value wins and the other stays in attributes under its
 * own name (a fallback column, such as a mobile number after a phone number, loses nothing).
 */
public final class SourceMapping {

    /** How the file of a mapping is named: {@code <source id>.source.yaml}. */
    public static final String FILE_SUFFIX = ".source.yaml";

    /** The mapping of CSV imports that name no source: Lead Router's field names and common aliases. */
    public static final String DEFAULT = "default";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Runs of white space, compiled once: every value of every lead a source sends is matched (intake's hot path). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, LeadField> FIELDS_BY_KEY = Arrays.stream(LeadField.values())
            .collect(Collectors.toUnmodifiableMap(field -> FieldNames.key(field.fieldName()), Function.identity()));

    private final String id;
    private final String name;
    private final String fileName;
    private final Map<String, Rule> rules;
    private final Set<String> placeholders;
    private final boolean contactKeptAtSource;
    private final HistoryColumns history;

    SourceMapping(String id, String name, String fileName, Map<String, Rule> rules, Set<String> placeholders,
                  boolean contactKeptAtSource, HistoryColumns history) {
        this.id = id;
        this.name = name;
        this.fileName = fileName;
        this.rules = Map.copyOf(rules);
        this.placeholders = Set.copyOf(placeholders);
        this.contactKeptAtSource = contactKeptAtSource;
        this.history = history;
    }

    /**
     * Reads a mapping file; {@link InvalidSourceMappingException} names every fault in it (not
     * YAML, an unknown key, an unknown target, a type that does not fit, ...).
     */
    public static SourceMapping read(String fileName, byte[] yaml) {
        return SourceMappingFile.read(fileName, yaml);
    }

    /** The source's id: its file name without {@link #FILE_SUFFIX} ({@code ?source=<id>}). */
    public String id() {
        return id;
    }

    /** How people call the source ({@code name:}; the id when the file gives none). */
    public String name() {
        return name;
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The source keeps the person's contact data itself ({@code contactKeptAtSource: true}): a
     * lead without e-mail and phone is accepted when it has its externalId, by which a rep finds
     * the person in the source system.
     */
    public boolean contactKeptAtSource() {
        return contactKeptAtSource;
    }

    /**
     * Where the source's export of past leads keeps their outcome and order ({@code history:}),
     * for importing them as history; empty when the file does not say.
     */
    public Optional<HistoryColumns> history() {
        return Optional.ofNullable(history);
    }

    /** The source field the file maps to a Lead Router field, if it maps one ({@code Prospect ID} for externalId). */
    public Optional<String> sourceFieldOf(LeadField field) {
        return rules.values().stream().filter(rule -> !rule.ignore() && rule.target().field() == field)
                .map(Rule::sourceName).sorted().findFirst();
    }

    /**
     * A lead as the source sent it, one value per source field (a JSON object; CSV values as
     * text), turned into Lead Router's form: its fields and an {@code attributes} object.
     */
    public Mapped map(ObjectNode sourceFields) {
        ObjectNode lead = NODES.objectNode();
        ObjectNode attributes = NODES.objectNode();
        List<ObjectNode> givenAttributes = new ArrayList<>();
        Map<String, String> sourceNames = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = sourceFields.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String sourceName = field.getKey().trim();
            JsonNode given = field.getValue();
            Rule rule = ruleFor(sourceName);
            if (rule.ignore()) {
                continue;
            }
            if (rule.target().field() == LeadField.ATTRIBUTES && given != null && given.isObject()) {
                givenAttributes.add((ObjectNode) given);
                continue;
            }
            Target target = rule.target().field() == LeadField.ATTRIBUTES ? Target.attribute(sourceName) : rule.target();
            JsonNode value = value(rule, target, sourceName, given, errors);
            if (target.field() != null) {
                String fieldName = target.field().fieldName();
                if (value == null) {
                    sourceNames.putIfAbsent(fieldName, sourceName);
                } else if (!lead.has(fieldName)) {
                    lead.set(fieldName, value);
                    sourceNames.put(fieldName, sourceName);
                } else {
                    attributes.putIfAbsent(sourceName, value);
                }
            } else if (value != null) {
                attributes.putIfAbsent(attributes.has(target.attribute()) ? sourceName : target.attribute(), value);
            }
        }
        givenAttributes.forEach(given -> given.fields().forEachRemaining(
                attribute -> attributes.putIfAbsent(attribute.getKey(), attribute.getValue())));
        if (!attributes.isEmpty()) {
            lead.set(LeadField.ATTRIBUTES.fieldName(), attributes);
        }
        return new Mapped(lead, sourceNames, errors);
    }

    /**
     * A lead in Lead Router's form, what each of its fields was called in the source (to name
     * them in errors), and the source fields whose values could not be read ("TotalVisits: must
     * be a number"; such a field is left out of the lead).
     */
    public record Mapped(ObjectNode lead, Map<String, String> sourceNames, List<FieldError> errors) {

        /** An error about a Lead Router field, named as the source calls the field. */
        public FieldError inSourceTerms(FieldError error) {
            String sourceName = sourceNames.get(error.field());
            return sourceName == null ? error : new FieldError(sourceName, error.message());
        }
    }

    private Rule ruleFor(String sourceName) {
        String key = FieldNames.key(sourceName);
        Rule rule = rules.get(key);
        if (rule != null) {
            return rule;
        }
        LeadField field = FIELDS_BY_KEY.get(key);
        return new Rule(sourceName, field == null ? Target.attribute(sourceName) : Target.field(field), null,
                Map.of(), false);
    }

    /** The value as the target takes it, or null: not answered, or unreadable (then an error names the field). */
    private JsonNode value(Rule rule, Target target, String sourceName, JsonNode given, List<FieldError> errors) {
        if (given == null || given.isNull()) {
            return null;
        }
        JsonNode value = given.isTextual() ? NODES.textNode(given.asText().trim()) : given;
        if (value.isValueNode()) {
            String spoken = spoken(value.asText());
            if (spoken.isEmpty()) {
                return null;
            }
            if (rule.values().containsKey(spoken)) {
                value = rule.values().get(spoken);
                if (value == null || value.isNull()) {
                    return null;
                }
            } else if (placeholders.contains(spoken)) {
                return null;
            }
        }
        if (target.field() != null) {
            return asFieldTakesIt(target.field(), value);
        }
        if (rule.type() == null) {
            return value;
        }
        Optional<JsonNode> typed = rule.type().convert(value);
        if (typed.isEmpty()) {
            errors.add(new FieldError(sourceName, "must be " + rule.type().expected()));
            return null;
        }
        return typed.get();
    }

    /**
     * Numbers arrive as text from CSV and many forms; the number fields take them as numbers.
     * Unreadable ones stay text so that the parser names the field; so does a number of more
     * digits than any column holds (an exponent is fine, its size is judged without expanding it).
     */
    private static JsonNode asFieldTakesIt(LeadField field, JsonNode value) {
        boolean whole = field.kind() == LeadField.Kind.WHOLE_NUMBER;
        if (!value.isTextual() || !whole && field.kind() != LeadField.Kind.AMOUNT) {
            return value;
        }
        String plain = value.asText().replace(",", "").replace("_", "");
        if (plain.length() > ValueType.MAX_NUMBER_LENGTH) {
            return value;
        }
        try {
            BigDecimal number = new BigDecimal(plain);
            if (!whole) {
                return NODES.numberNode(number);
            }
            if (number.scale() > 0) {
                return value;
            }
            return number.longValueExact() <= Integer.MAX_VALUE ? NODES.numberNode(number.intValue())
                    : NODES.numberNode(Long.MAX_VALUE);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return value;
        }
    }


    /** A value as matched against value maps and placeholders: trimmed, single-spaced, in lower case. */
    static String spoken(String value) {
        return String.join(" ", WHITESPACE.split(value.trim())).toLowerCase(Locale.ROOT);
    }

    /** Where a source field goes: a Lead Router field, or an attribute of that name. */
    record Target(LeadField field, String attribute) {

        static final String ATTRIBUTE_PREFIX = "attributes.";

        static Target field(LeadField field) {
            return new Target(field, null);
        }

        static Target attribute(String name) {
            return new Target(null, name);
        }

        @Override
        public String toString() {
            return field != null ? field.fieldName() : ATTRIBUTE_PREFIX + attribute;
        }
    }

    /**
     * What the file says about one source field: where it goes, its type (attributes only), its
     * value map (keys as {@link #spoken}), or that it is dropped.
     */
    record Rule(String sourceName, Target target, ValueType type, Map<String, JsonNode> values, boolean ignore) {

        Rule {
            values = Map.copyOf(values);
        }
    }
}
