package io.leadrouter.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.leadrouter.lead.FieldNames;
import io.leadrouter.lead.LeadField;

/**
 * Reads a {@code *.source.yaml} into a {@link SourceMapping}, strictly: a modeler's typo (an
 * unknown key, a target that is no Lead Router field, a type that does not fit) is a fault named
 * with its place in the file, never a silently dropped field. Every fault is listed at once.
 */
final class SourceMappingFile {

    /** {@code yes}, {@code no}, {@code on} and {@code off} stay text: they are values sources send ("Do Not Email: No"). */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> TOP_LEVEL_KEYS = List.of("name", "fields", "placeholders", "contactKeptAtSource",
            "history");
    private static final List<String> FIELD_KEYS = List.of("to", "type", "values", "ignore");
    private static final List<String> HISTORY_KEYS = List.of("outcome", "converted", "order");

    private final String fileName;
    private final List<String> faults = new ArrayList<>();

    private SourceMappingFile(String fileName) {
        this.fileName = fileName;
    }

    static SourceMapping read(String fileName, byte[] yaml) {
        return new SourceMappingFile(fileName).read(yaml);
    }

    private SourceMapping read(byte[] yaml) {
        String id = fileName.endsWith(SourceMapping.FILE_SUFFIX)
                ? fileName.substring(0, fileName.length() - SourceMapping.FILE_SUFFIX.length()) : fileName;
        if (!SOURCE_ID.matcher(id).matches()) {
            faults.add("the file name gives the source id '" + id + "': use up to 100 letters, digits, '.', '_' or "
                    + "'-', starting with a letter or digit, then " + SourceMapping.FILE_SUFFIX);
        }
        JsonNode file = parse(yaml);
        if (file == null) {
            throw new InvalidSourceMappingException(fileName, faults);
        }
        unknownKeys(file, TOP_LEVEL_KEYS, "");
        String name = text(file.get("name"), "name").orElse(id);
        boolean contactKeptAtSource = flag(file.get("contactKeptAtSource"), "contactKeptAtSource");
        Set<String> placeholders = placeholders(file.get("placeholders"));
        Map<String, SourceMapping.Rule> rules = rules(file.get("fields"));
        HistoryColumns history = history(file.get("history"));
        if (!faults.isEmpty()) {
            throw new InvalidSourceMappingException(fileName, faults);
        }
        return new SourceMapping(id, name, fileName, rules, placeholders, contactKeptAtSource, history);
    }

    private JsonNode parse(byte[] yaml) {
        JsonNode file;
        try {
            file = YAML.readTree(yaml);
        } catch (JsonProcessingException notYaml) {
            faults.add("not valid YAML: " + notYaml.getOriginalMessage().lines().findFirst().orElse("")
                    + Optional.ofNullable(notYaml.getLocation()).map(at -> " (line " + at.getLineNr() + ")").orElse(""));
            return null;
        } catch (IOException unreadable) {
            faults.add("cannot be read: " + unreadable.getMessage());
            return null;
        }
        if (file == null || !file.isObject()) {
            faults.add("must be a YAML mapping with the keys " + String.join(", ", TOP_LEVEL_KEYS));
            return null;
        }
        return file;
    }

    private void unknownKeys(JsonNode node, List<String> known, String where) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                faults.add(where + "unknown key '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        });
    }

    private Optional<String> text(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            faults.add(where + ": must be text");
            return Optional.empty();
        }
        return Optional.of(node.asText().trim());
    }

    private boolean flag(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            faults.add(where + ": must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    private Set<String> placeholders(JsonNode node) {
        Set<String> placeholders = new HashSet<>();
        if (node == null || node.isNull()) {
            return placeholders;
        }
        if (!node.isArray()) {
            faults.add("placeholders: must be a list of values, e.g. [Select, \"-\"]");
            return placeholders;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode placeholder = node.get(i);
            if (!placeholder.isValueNode() || placeholder.isNull() || placeholder.asText().isBlank()) {
                faults.add("placeholders[" + i + "]: must be a value (text or a number)");
            } else {
                placeholders.add(SourceMapping.spoken(placeholder.asText()));
            }
        }
        return placeholders;
    }

    /** The columns of past leads' outcome and order ({@code history:}), or null when the file names none. */
    private HistoryColumns history(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            faults.add("history: must name the outcome column and its converted values, e.g. "
                    + "'history: {outcome: Converted, converted: [1], order: Lead Number}'");
            return null;
        }
        unknownKeys(node, HISTORY_KEYS, "history: ");
        Optional<String> outcome = column(node.get("outcome"), "history.outcome");
        if (outcome.isEmpty() && !node.has("outcome")) {
            faults.add("history.outcome: name the column that holds the outcome, e.g. 'outcome: Converted'");
        }
        Optional<String> order = column(node.get("order"), "history.order");
        Set<String> converted = new HashSet<>();
        JsonNode values = node.get("converted");
        if (values == null || values.isNull() || !values.isArray() || values.isEmpty()) {
            faults.add("history.converted: list the outcome values that mean converted, e.g. [1, yes, true]");
        } else {
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                    faults.add("history.converted[" + i + "]: must be a value (text or a number)");
                } else {
                    converted.add(SourceMapping.spoken(value.asText()));
                }
            }
        }
        return outcome.map(column -> new HistoryColumns(column, converted, order.orElse(null))).orElse(null);
    }

    private Optional<String> column(JsonNode node, String where) {
        Optional<String> column = text(node, where);
        if (column.isPresent() && FieldNames.key(column.get()).isEmpty()) {
            faults.add(where + ": a column name needs a letter or a digit");
            return Optional.empty();
        }
        return column;
    }

    private Map<String, SourceMapping.Rule> rules(JsonNode fields) {
        Map<String, SourceMapping.Rule> rules = new LinkedHashMap<>();
        if (fields == null || fields.isNull()) {
            return rules;
        }
        if (!fields.isObject()) {
            faults.add("fields: must map each source field name to a target, e.g. 'Lead Source: source'");
            return rules;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = fields.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String sourceName = entry.getKey().trim();
            String where = "fields.'" + sourceName + "'";
            String key = FieldNames.key(sourceName);
            if (key.isEmpty()) {
                faults.add(where + ": a source field name needs a letter or a digit");
                continue;
            }
            SourceMapping.Rule earlier = rules.get(key);
            if (earlier != null) {
                faults.add(where + ": the same name as '" + earlier.sourceName()
                        + "' (names match in any case and spacing): map it once");
                continue;
            }
            rule(sourceName, entry.getValue(), where).ifPresent(rule -> rules.put(key, rule));
        }
        return rules;
    }

    private Optional<SourceMapping.Rule> rule(String sourceName, JsonNode spec, String where) {
        if (spec != null && spec.isTextual()) {
            return target(spec.asText().trim(), where)
                    .map(target -> new SourceMapping.Rule(sourceName, target, null, Map.of(), false));
        }
        if (spec == null || !spec.isObject()) {
            faults.add(where + ": give a target ('" + sourceName + ": email'), or 'to:' with 'type:' and 'values:', "
                    + "or 'ignore: true'");
            return Optional.empty();
        }
        unknownKeys(spec, FIELD_KEYS, where + ": ");
        if (flag(spec.get("ignore"), where + ".ignore")) {
            if (spec.has("to") || spec.has("type") || spec.has("values")) {
                faults.add(where + ": 'ignore: true' drops the field; leave out to, type and values");
            }
            return Optional.of(new SourceMapping.Rule(sourceName, null, null, Map.of(), true));
        }
        JsonNode to = spec.get("to");
        if (to == null || to.isNull() || !to.isTextual()) {
            faults.add(where + ": 'to:' must name the target (a Lead Router field or attributes.<name>), "
                    + "or 'ignore: true' drop the field");
            return Optional.empty();
        }
        Optional<SourceMapping.Target> target = target(to.asText().trim(), where + ".to");
        Optional<ValueType> type = type(spec.get("type"), target.orElse(null), where + ".type");
        Map<String, JsonNode> values = values(spec.get("values"), type.orElse(null), where + ".values");
        return target.map(found -> new SourceMapping.Rule(sourceName, found, type.orElse(null), values, false));
    }

    private Optional<SourceMapping.Target> target(String target, String where) {
        if (target.startsWith(SourceMapping.Target.ATTRIBUTE_PREFIX)) {
            String attribute = target.substring(SourceMapping.Target.ATTRIBUTE_PREFIX.length()).trim();
            if (attribute.isEmpty()) {
                faults.add(where + ": name the attribute, as in attributes.leadNumber");
                return Optional.empty();
            }
            return Optional.of(SourceMapping.Target.attribute(attribute));
        }
        Optional<LeadField> field = LeadField.named(target).filter(named -> named != LeadField.ATTRIBUTES);
        if (field.isEmpty()) {
            faults.add(where + ": unknown target '" + target + "': use a Lead Router field ("
                    + Arrays.stream(LeadField.values()).filter(known -> known != LeadField.ATTRIBUTES)
                            .map(LeadField::fieldName).collect(Collectors.joining(", "))
                    + ") or attributes.<name>");
            return Optional.empty();
        }
        return field.map(SourceMapping.Target::field);
    }

    /** An attribute's type; a Lead Router field has its own, which {@code type:} may only repeat. */
    private Optional<ValueType> type(JsonNode node, SourceMapping.Target target, String where) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Optional<ValueType> type = node.isTextual() ? ValueType.named(node.asText().trim()) : Optional.empty();
        if (type.isEmpty()) {
            faults.add(where + ": '" + node.asText() + "' is not a type: use "
                    + Arrays.stream(ValueType.values()).map(ValueType::fileName).collect(Collectors.joining(", ")));
            return Optional.empty();
        }
        if (target != null && target.field() != null && type.get() != typeOf(target.field())) {
            faults.add(where + ": " + target.field().fieldName() + " is a Lead Router field of type "
                    + typeOf(target.field()).fileName() + "; 'type:' is for attributes");
            return Optional.empty();
        }
        return target != null && target.field() != null ? Optional.empty() : type;
    }

    private static ValueType typeOf(LeadField field) {
        return switch (field.kind()) {
            case WHOLE_NUMBER -> ValueType.INTEGER;
            case AMOUNT -> ValueType.NUMBER;
            default -> ValueType.TEXT;
        };
    }

    /** The value map, keyed as values are matched; each value must be of the type, or null ("not answered"). */
    private Map<String, JsonNode> values(JsonNode node, ValueType type, String where) {
        Map<String, JsonNode> values = new HashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            faults.add(where + ": must map source values to values, e.g. 'Thane & Outskirts: Thane'");
            return values;
        }
        Map<String, String> givenKeys = new HashMap<>();
        node.fields().forEachRemaining(entry -> {
            String spoken = SourceMapping.spoken(entry.getKey());
            String at = where + ".'" + entry.getKey() + "'";
            String earlier = givenKeys.putIfAbsent(spoken, entry.getKey());
            JsonNode value = entry.getValue() == null ? NullNode.getInstance() : entry.getValue();
            if (earlier != null) {
                faults.add(at + ": the same value as '" + earlier + "' (values match in any case and spacing)");
            } else if (!value.isValueNode()) {
                faults.add(at + ": must map to a value, or to null for \"not answered\"");
            } else if (type != null && !value.isNull() && type.convert(value).isEmpty()) {
                faults.add(at + ": '" + value.asText() + "' is not " + type.expected() + " (type " + type.fileName() + ")");
            } else {
                values.put(spoken, value);
            }
        });
        return values;
    }
}
