package io.leadrouter.routing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/** Gives a lead to a rep by the strategy its routing rule chose, or by hand. */
@Service
public class LeadRouting {

    static final String MANUAL = "manual";

    private final Map<String, RoutingStrategy> strategies;
    private final LeadRepository leads;
    private final RepRepository reps;
    private final Clock clock;

    LeadRouting(List<RoutingStrategy> strategies, LeadRepository leads, RepRepository reps, Clock clock) {
        this.strategies = strategies.stream().collect(Collectors.toUnmodifiableMap(RoutingStrategy::key,
                Function.identity()));
        this.leads = leads;
        this.reps = reps;
        this.clock = clock;
    }

    /** The routing outcome as the process needs it: owner is null when nobody was eligible. */
    public record Outcome(String owner, String team, String reason) {

        public boolean repFound() {
            return owner != null;
        }
    }

    /**
     * Routes the lead with the named strategy and records the decision on the lead. Runs in the
     * caller's transaction: if anything after it fails, the assignment and the strategy's
     * counters roll back together, and the retry routes afresh.
     */
    @Transactional
    public Outcome route(String leadId, String strategyKey, String team, String namedRep, String rule) {
        Lead lead = leads.require(leadId);
        RoutingStrategy strategy = strategies.get(strategyKey);
        RoutingStrategy.Choice choice = strategy == null
                ? RoutingStrategy.Choice.nobody("Unknown routing strategy '" + strategyKey + "'; known: "
                        + String.join(", ", strategies.keySet().stream().sorted().toList()))
                : strategy.choose(new RoutingStrategy.Request(leadId, team, namedRep));
        if (choice.rep().isEmpty()) {
            lead.routingFoundNobody(team, strategyKey, rule, choice.reason(), clock.instant());
            return new Outcome(null, team, choice.reason());
        }
        Rep rep = choice.rep().get();
        rep.countAssignment();
        lead.assignTo(rep.getId(), rep.getTeamId(), strategyKey, rule, choice.reason(), clock.instant());
        return new Outcome(rep.getId(), rep.getTeamId(), choice.reason());
    }

    /** Sales ops give the lead to a rep of their choice (Assign lead manually task). */
    @Transactional
    public Outcome assignManually(String leadId, String repId, String assignedBy) {
        Lead lead = leads.require(leadId);
        Rep rep = repId == null ? null : reps.findById(repId.trim()).orElse(null);
        if (rep == null) {
            throw new IllegalArgumentException("There is no rep with user id '" + repId + "'");
        }
        if (!rep.isActive()) {
            throw new IllegalArgumentException(rep.getName() + " is inactive and cannot be given leads");
        }
        String reason = "Assigned by hand" + (assignedBy == null ? "" : " by " + assignedBy)
                + (lead.getRoutingReason() == null ? "" : " after: " + lead.getRoutingReason());
        rep.countAssignment();
        lead.assignTo(rep.getId(), rep.getTeamId(), MANUAL, lead.getRoutingRule(), reason, clock.instant());
        return new Outcome(rep.getId(), rep.getTeamId(), reason);
    }
}
