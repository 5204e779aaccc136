package io.leadrouter.lead;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The few lead values the process carries as variables: what its forms show and let reviewers
 * correct. Everything else stays in the lead's row. Each stored variable is a runtime row and a
 * history row per lead, so the process stores only what a form or a later step reads.
 */
public final class LeadVariables {

    private LeadVariables() {
    }

    /** What Work lead, Assign lead manually and Handle escalated lead show. */
    public static Map<String, Object> display(Lead lead) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadName", lead.getName());
        variables.put("email", lead.getEmail());
        variables.put("phone", lead.getPhone());
        variables.put("company", lead.getCompany());
        variables.put("country", lead.getCountry());
        variables.put("location", String.join(", ", Stream.of(lead.getCity(), lead.getState(), lead.getCountry())
                .filter(Objects::nonNull).toList()));
        variables.put("product", lead.getProduct());
        variables.put("source", lead.getSource());
        return variables;
    }

    /**
     * The fields the Review lead form lets sales ops correct, with the problems found; set after
     * {@link #display}, so the fields it holds already are left out (a second write of the same
     * value would be a second history row).
     */
    public static Map<String, Object> review(Lead lead) {
        Map<String, Object> shown = display(lead);
        Map<String, Object> variables = new HashMap<>();
        for (LeadField field : LeadField.with(LeadField.Trait.CORRECTED_IN_REVIEW)) {
            if (!shown.containsKey(field.fieldName())) {
                variables.put(field.fieldName(), field.of(lead));
            }
        }
        variables.put("problems", lead.getProblems());
        return variables;
    }
}
