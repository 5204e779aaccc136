package io.leadrouter.webapps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the card of a lead's task in Tasklist shows: the lead's name, company, tier and score, and
 * the conversion probability when a published model scored the lead.
 * The lead filters list these variables on every card, and Tasklist shows each only to a user
 * who may read it. With {@code enforceSpecificVariablePermission} a filter shows a process
 * variable only to users with READ_INSTANCE_VARIABLE on the whole lead process, which no rep or
 * manager has; a task variable it shows to whoever holds READ_VARIABLE on that task. So the
 * values are copied into task variables when the task is created ({@link ShowLeadOnCardListener}),
 * and the task's grants decide who sees them: its owner, the managers of the lead's team, sales
 * ops (who read every lead), not a teammate of a team that shares its leads (who reads the task
 * only, {@link OwnedTaskAuthorizations}).
 *
 * <p>The task variables have names of their own ({@code card…}): a form field of the same name as
 * a task variable would write into the task's copy instead of the process's value (a reviewer's
 * corrected company would be lost when the task ends).
 */
final class LeadCard {

    /** A value the card shows: its task variable, its label in Tasklist, and the process variable it copies. */
    record Field(String variable, String label, String source) {
    }

    /** In Tasklist's order: a collapsed card shows the first two, lead and tier, side by side. */
    static final List<Field> FIELDS = List.of(
            new Field("cardLeadName", "Lead", "leadName"),
            new Field("cardTier", "Tier", "tier"),
            new Field("cardCompany", "Company", "company"),
            new Field("cardScore", "Score", "score"),
            // the published model's probability as words ("72 %"); absent while the rules alone score
            new Field("cardConversion", "Conversion", "conversionProbabilityText"));

    private LeadCard() {
    }

    /** The process variables a card copies. */
    static List<String> sources() {
        return FIELDS.stream().map(Field::source).toList();
    }

    /**
     * The task variables of a card, from the process variables ({@code lookup} by name); a value
     * the lead lacks is left out.
     */
    static Map<String, Object> of(Function<String, Object> lookup) {
        Map<String, Object> card = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            Object value = lookup.apply(field.source());
            if (value != null) {
                card.put(field.variable(), value);
            }
        }
        return card;
    }

    /** The columns of a Tasklist filter that shows the card ({@code "variables"} of its properties). */
    static List<Map<String, Object>> filterColumns() {
        return FIELDS.stream().map(field -> Map.<String, Object>of("name", field.variable(), "label", field.label()))
                .toList();
    }
}
