package io.leadrouter.lead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadrouter.engine.Decisions;
import io.leadrouter.engine.LatestDefinitions;

/**
 * Why a lead can be lost: the modelers' list in {@code processes/lost-reasons.dmn} (decision
 * {@code lostReasons}, one row per reason with its value and label), read from the latest deployed
 * version. The forms show it (the {@code lostReasons} variable of each outcome task) and the
 * outcome rules accept only its values, so the forms and the API always offer the same reasons.
 */
@Component
public class LostReasons {

    static final String DECISION = "lostReasons";

    private final Decisions decisions;
    private final LatestDefinitions definitions;
    /** The list of each deployed version, by its definition id: a version never changes. */
    private final Cache<String, List<Reason>> byVersion = Caffeine.newBuilder().maximumSize(16).build();

    LostReasons(Decisions decisions, LatestDefinitions definitions) {
        this.decisions = decisions;
        this.definitions = definitions;
    }

    /** One reason: the value stored and sent by a CRM, and the label people read. */
    public record Reason(String value, String label) {
    }

    /**
     * The reasons in the modelers' order, from the latest deployed version of the table (evaluated
     * once per version: every lead's Work lead asks for them).
     */
    public List<Reason> all() {
        return byVersion.get(definitions.decision(DECISION).id(), id -> evaluate());
    }

    private List<Reason> evaluate() {
        List<Reason> reasons = new ArrayList<>();
        for (Map<String, Object> row : decisions.evaluate(DECISION, Map.of())) {
            Object value = row.get("value");
            Object label = row.get("label");
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalStateException("Decision '" + DECISION + "' has a row without a value: every "
                        + "lost reason needs one (lost-reasons.dmn)");
            }
            reasons.add(new Reason(text, label instanceof String name && !name.isBlank() ? name : text));
        }
        return List.copyOf(reasons);
    }

    /** The reason with that value (exactly as the list spells it), if it is in the list. */
    public Optional<Reason> find(String value) {
        return value == null ? Optional.empty()
                : all().stream().filter(reason -> reason.value().equals(value.trim())).findFirst();
    }

    /** The list as a form's select reads it ({@code valuesKey}): a list of {@code {value, label}}. */
    public List<Map<String, String>> asOptions() {
        return all().stream().map(reason -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("value", reason.value());
            option.put("label", reason.label());
            return option;
        }).toList();
    }
}
