package io.leadrouter.scoring.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAttributes;
import io.leadrouter.lead.LeadField;

/**
 * What a conversion model may know of a lead: only what is known at intake. That is the fields a
 * source sends ({@link LeadField}: source, country, state, city, industry, employees, annual
 * revenue, product, language), whether the e-mail address is a company's or a free mail's, and
 * every attribute the source mapping gave the lead, less the names of the {@link LeakageGuard}.
 * The lead's state after intake (status, score, tier, owner, outcome, ...) is not read at all.
 *
 * <p>Values are text (a category), a number, or a boolean; nested attributes are not features.
 * A lead imported as history and one posted later with the same fields and attributes get the
 * same values, so a model is scored on what it learned from.
 */
public final class ScoringFeatures {

    /** The feature of the e-mail address: its kind, never the address. */
    static final String EMAIL_KIND = "emailKind";

    private final LeakageGuard guard;

    public ScoringFeatures(LeakageGuard guard) {
        this.guard = guard;
    }

    /** The lead's features by name, sorted by name; absent when the lead has no value. */
    public Map<String, Object> of(Lead lead) {
        Map<String, Object> features = new TreeMap<>();
        for (LeadField field : LeadField.values()) {
            if (field == LeadField.ATTRIBUTES || field == LeadField.EMAIL || guard.excludes(field.fieldName())) {
                continue;
            }
            put(features, field.fieldName(), field.of(lead));
        }
        if (lead.getEmail() != null && !guard.excludes(EMAIL_KIND)) {
            features.put(EMAIL_KIND, lead.getEmailDomain() == null ? "free mail" : "company domain");
        }
        LeadAttributes.of(lead).values().forEach((name, value) -> {
            // a field's own value wins over an attribute that happens to share its name
            if (!guard.excludes(name) && !features.containsKey(name)) {
                put(features, name, value);
            }
        });
        return features;
    }

    private static void put(Map<String, Object> features, String name, Object value) {
        if (value instanceof String text) {
            String trimmed = text.trim();
            if (!trimmed.isEmpty()) {
                features.put(name, trimmed);
            }
        } else if (value instanceof BigDecimal decimal) {
            features.put(name, decimal.doubleValue());
        } else if (value instanceof Number number) {
            features.put(name, number.doubleValue());
        } else if (value instanceof Boolean flag) {
            features.put(name, flag);
        }
    }
}
