package io.leadrouter.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reps a recorded routing decision found eligible, read back from what {@link LeadRouting}
 * stored with it ({@code routing_decisions.candidates} and {@code summary}): the chosen rep and
 * every rep ranked after it. Routing writes that record, so routing reads it; others (fairness
 * analytics) ask here instead of parsing it.
 *
 * @param eligible the eligible reps, chosen first
 * @param complete whether every eligible rep is named: false when a large team was assessed a page
 *                 at a time or the list was cut short (its rest counted, not named)
 */
public record RecordedCandidates(List<String> eligible, boolean complete) {

    private static final Set<String> ELIGIBLE = Set.of("CHOSEN", "RANKED");

    public RecordedCandidates {
        eligible = List.copyOf(eligible);
    }

    /** Reads a decision's record; a missing or unreadable list names nobody and is not complete. */
    public static RecordedCandidates of(String candidates, String summary, ObjectMapper json) {
        if (candidates == null || candidates.isBlank()) {
            return new RecordedCandidates(List.of(), false);
        }
        JsonNode listed;
        try {
            listed = json.readTree(candidates);
        } catch (JsonProcessingException unreadable) {
            return new RecordedCandidates(List.of(), false);
        }
        List<String> eligible = new ArrayList<>();
        boolean complete = summary == null || !summary.contains(TeamCandidates.PAGED);
        for (JsonNode candidate : listed) {
            String outcome = candidate.path("outcome").asText();
            if (ELIGIBLE.contains(outcome) && candidate.hasNonNull("rep")) {
                eligible.add(candidate.get("rep").asText());
            } else if ("NOT_LISTED".equals(outcome)) {
                complete = false;
            }
        }
        return new RecordedCandidates(eligible, complete);
    }
}
