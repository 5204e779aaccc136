package io.leadrouter.routing;

import java.time.Instant;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.security.ApiUser;

/**
 * "Why did this lead go to Bob?" and "why not me?": every routing decision of a lead, for those
 * who may read the lead ({@link LeadAccess}). The lead's whole life in order, SLA steps included,
 * is {@code GET /api/leads/{id}/timeline}.
 */
@RestController
@Transactional(readOnly = true)
class RoutingExplanationController {

    private final LeadRepository leads;
    private final RoutingDecisionRepository decisions;
    private final ObjectMapper json;
    private final LeadAccess access;

    RoutingExplanationController(LeadRepository leads, RoutingDecisionRepository decisions, ObjectMapper json,
                                 LeadAccess access) {
        this.leads = leads;
        this.decisions = decisions;
        this.json = json;
        this.access = access;
    }

    record Rule(String name, String decision, Integer version) {
    }

    record Decision(Instant decidedAt, Rule rule, String team, String strategy, List<String> strategiesTried,
                    String chosenRep, String summary, JsonNode candidates) {
    }

    record Explanation(String leadId, String owner, String team, List<Decision> decisions) {
    }

    @GetMapping("/api/leads/{id}/routing")
    Explanation routing(@PathVariable String id, ApiUser user) {
        Lead lead = leads.require(id, access.scopeOf(user));
        List<Decision> all = decisions.findByLeadIdOrderByDecidedAt(id).stream().map(this::decision).toList();
        return new Explanation(lead.getId(), lead.getOwnerId(), lead.getTeamId(), all);
    }

    private Decision decision(RoutingDecision decision) {
        try {
            return new Decision(decision.getDecidedAt(),
                    new Rule(decision.getRuleName(), decision.getDecisionKey(), decision.getDecisionVersion()),
                    decision.getTeamId(), decision.getStrategy(),
                    decision.getStrategiesTried() == null ? List.of()
                            : List.of(decision.getStrategiesTried().split(" > ")),
                    decision.getChosenRep(), decision.getSummary(),
                    decision.getCandidates() == null ? null : json.readTree(decision.getCandidates()));
        } catch (JsonProcessingException storedByUs) {
            throw new IllegalStateException("Candidates of decision " + decision.getId() + " are not JSON", storedByUs);
        }
    }
}
