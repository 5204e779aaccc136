package io.leadrouter.scoring.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.leadrouter.lead.FieldNames;

/**
 * The names a conversion model never learns from, each with its reason: read from
 * {@code processes/scoring/features.yaml}, which a modeler reads and edits. Without it a model
 * could learn from what staff wrote after contact (X Education's {@code Tags}, {@code Lead Quality})
 * and look far better on past leads than it can be on a new one. Names are matched in any case and
 * spacing ({@code Lead Quality} = {@code leadQuality}), as source mappings match field names, so
 * an attribute that arrives under an export's own column name is caught too.
 */
public final class LeakageGuard {

    /** Where the shipped list lies on the classpath (processes/ is a resource folder). */
    public static final String RESOURCE = "scoring/features.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** By matching key: the name as written in the file, and why it is never a feature. */
    private final Map<String, Never> never;

    private record Never(String name, String reason) {
    }

    private LeakageGuard(Map<String, Never> never) {
        this.never = Map.copyOf(never);
    }

    /** The shipped list ({@link #RESOURCE}); fails at start-up when it is missing or unreadable. */
    public static LeakageGuard shipped() {
        try (InputStream yaml = LeakageGuard.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: predictive scoring cannot "
                        + "tell which fields leak the outcome");
            }
            return read(yaml.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Reads a list in the format of {@code features.yaml}: {@code never:} maps each name to its
     * reason. A name without a reason is refused: the file is read by people deciding whether to
     * remove a line.
     */
    public static LeakageGuard read(byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException notYaml) {
            throw new IllegalArgumentException(RESOURCE + " is not YAML: " + notYaml.getMessage(), notYaml);
        }
        JsonNode list = root == null ? null : root.get("never");
        if (list == null || !list.isObject()) {
            throw new IllegalArgumentException(RESOURCE + " needs a map 'never:' of names and reasons");
        }
        Map<String, Never> never = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> names = list.fields(); names.hasNext(); ) {
            Map.Entry<String, JsonNode> name = names.next();
            String reason = name.getValue() == null || name.getValue().isNull() ? "" : name.getValue().asText().trim();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + ": '" + name.getKey() + "' needs a reason");
            }
            never.put(FieldNames.key(name.getKey()), new Never(name.getKey(), reason));
        }
        return new LeakageGuard(never);
    }

    /** True when the field or attribute of that name is never a feature. */
    public boolean excludes(String name) {
        return never.containsKey(FieldNames.key(name));
    }

    /** Why the name is never a feature; null when it may be one. */
    public String reasonFor(String name) {
        Never found = never.get(FieldNames.key(name));
        return found == null ? null : found.reason();
    }

    /** Every name of the list as the file writes it, with its reason, in the file's order. */
    public Map<String, String> reasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        never.values().forEach(entry -> reasons.put(entry.name(), entry.reason()));
        return reasons;
    }
}
