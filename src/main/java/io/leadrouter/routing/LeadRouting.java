package io.leadrouter.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.web.InvalidRequestException;

/**
 * Gives a lead to a rep by the strategy its routing rule chose, trying the rule's fallback
 * strategies in order when one finds nobody eligible, or by hand; and records every decision
 * with its candidates ({@link RoutingDecision}) and, on the lead's timeline, that it happened. A
 * strategy is the {@link RoutingStrategy} bean whose {@link RoutingStrategy#key() key} the rule
 * names; no other list of strategies exists. Its meters ({@link RoutingMeters}) count each
 * decision once it commits.
 */
@Service
public class LeadRouting {

    static final String MANUAL = "manual";
    /** The strategy recorded when sales ops or a manager gave an assigned or escalated lead to another rep. */
    public static final String REASSIGNED_BY_HAND = "reassigned-by-hand";
    static final int LISTED_RANKED = 20;
    static final int LISTED_EXCLUDED = 30;

    private static final String REASSIGNMENT = "Reassigned after the response SLA was breached: ";

    private final Map<String, RoutingStrategy> strategies;
    private final LeadRepository leads;
    private final RepRepository reps;
    private final RoutingDecisionRepository decisions;
    private final LeadTimeline timeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final RoutingMeters meters;

    LeadRouting(List<RoutingStrategy> strategies, LeadRepository leads, RepRepository reps,
                RoutingDecisionRepository decisions, LeadTimeline timeline, ObjectMapper json, Clock clock,
                RoutingMeters meters) {
        this.strategies = strategies.stream().collect(Collectors.toUnmodifiableMap(RoutingStrategy::key,
                Function.identity()));
        this.leads = leads;
        this.reps = reps;
        this.decisions = decisions;
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The routing outcome as the process needs it: owner is null when nobody was eligible;
     * strategy is the one that chose the rep (the last one tried when nobody was eligible),
     * strategiesTried the chain up to it.
     */
    public record Outcome(String owner, String team, String strategy, String reason, List<String> strategiesTried) {

        /** A decision by hand: nothing else was tried. */
        Outcome(String owner, String team, String strategy, String reason) {
            this(owner, team, strategy, reason, List.of(strategy));
        }

        public boolean repFound() {
            return owner != null;
        }
    }

    /** What the process asks: the strategy chain, the rule's team and named rep, and the rule itself. */
    public record Command(String leadId, String strategy, List<String> fallback, String team, String namedRep,
                          RuleSource rule) {
    }

    /**
     * Routes the lead by the first strategy of the chain that finds an eligible rep, never to a
     * rep who had the lead before, and records the decision. A key that names no strategy (a
     * typo in the rules, a null strategy) ends the chain there: the lead waits for manual
     * assignment with the reason, so sales ops see the broken rule at once rather than the next
     * strategy quietly covering for it. Runs in the caller's transaction:
     * if anything after it fails, the assignment and the strategies' counters roll back
     * together, and the retry routes afresh.
     */
    @Transactional
    public Outcome route(Command command) {
        return route(command, false);
    }

    /**
     * Takes the lead from a rep who missed the response SLA and gives it to another eligible rep
     * by the same strategy chain, never back to anyone who had it before (loop protection). When
     * nobody is left, the lead stays as it is and the caller escalates it; either way the
     * decision is recorded.
     */
    @Transactional
    public Outcome reassign(Command command) {
        return route(command, true);
    }

    private Outcome route(Command command, boolean reassignment) {
        Lead lead = leads.require(command.leadId());
        Set<String> hadLeadBefore = new HashSet<>(decisions.previousOwners(command.leadId()));
        RoutingStrategy.Request request = new RoutingStrategy.Request(routed(lead), command.team(),
                command.namedRep(), hadLeadBefore);
        Set<String> chain = new LinkedHashSet<>();
        chain.add(command.strategy());
        chain.addAll(command.fallback());

        List<String> attempted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String tried = null;
        RoutingStrategy.Choice choice = null;
        for (String key : chain) {
            tried = key;
            attempted.add(key);
            RoutingStrategy strategy = key == null ? null : strategies.get(key);
            if (strategy == null) {
                choice = RoutingStrategy.Choice.nobody(unknownStrategy(key));
                failed.add(choice.reason());
                break;
            }
            choice = strategy.choose(request);
            if (choice.chosen().isPresent()) {
                break;
            }
            failed.add(key + ": " + choice.reason());
        }
        Instant now = clock.instant();
        String triedText = String.join(" > ", attempted);
        if (choice.chosen().isEmpty() && reassignment) {
            String reason = "No reassignment after the response SLA was breached: " + String.join("; ", failed)
                    + "; nobody is left to take the lead";
            record(lead, now, command.rule(), command.team(), tried, triedText, null, reason, choice);
            timeline.record(new LeadEvent(lead.getId(), LeadEventType.NO_REP_FOUND, now, null, command.team(), null,
                    reason));
            return new Outcome(null, command.team(), tried, reason, attempted);
        }
        if (choice.chosen().isEmpty()) {
            String reason = String.join("; ", failed) + "; the lead waits for manual assignment";
            lead.routingFoundNobody(command.team(), tried, ruleName(command), reason, now);
            record(lead, now, command.rule(), command.team(), tried, triedText, null, reason, choice);
            timeline.record(new LeadEvent(lead.getId(), LeadEventType.NO_REP_FOUND, now, null, command.team(), null,
                    reason));
            meters.nobodyEligible(command.team());
            return new Outcome(null, command.team(), tried, reason, attempted);
        }
        Rep rep = choice.chosen().get();
        reps.countAssignment(rep.getId());
        String reason = failed.isEmpty() ? choice.reason()
                : choice.reason() + " (after " + String.join("; ", failed) + ")";
        if (reassignment) {
            reason = REASSIGNMENT + reason;
            lead.reassignTo(rep.getId(), rep.getTeamId(), tried, reason, now);
            meters.reassigned(rep.getTeamId(), "sla-breach");
        } else {
            boolean firstRep = lead.routingDelay() == null;
            lead.assignTo(rep.getId(), rep.getTeamId(), tried, ruleName(command), reason, now);
            meters.routed(rep.getTeamId(), tried, firstRep ? lead.routingDelay() : null);
        }
        record(lead, now, command.rule(), rep.getTeamId(), tried, triedText, rep.getId(), reason, choice);
        timeline.record(new LeadEvent(lead.getId(),
                reassignment ? LeadEventType.REASSIGNED_AFTER_BREACH : LeadEventType.ROUTED, now, rep.getId(),
                rep.getTeamId(), null, reason));
        return new Outcome(rep.getId(), rep.getTeamId(), tried, reason, attempted);
    }

    private String unknownStrategy(String key) {
        return (key == null ? "The routing rule names no strategy" : "Unknown routing strategy '" + key + "'")
                + " (known: " + String.join(", ", strategies.keySet().stream().sorted().toList())
                + "): check the rule's strategies in routing-rules.dmn, or the route task's input routingStrategy";
    }

    /** Sales ops give the lead to a rep of their choice (Assign lead manually task). */
    @Transactional
    public Outcome assignManually(String leadId, String repId, String assignedBy) {
        Lead lead = leads.require(leadId);
        Rep rep = activeRep(repId);
        String reason = "Assigned by hand" + (assignedBy == null ? "" : " by " + assignedBy)
                + (lead.getRoutingReason() == null ? "" : " after: " + lead.getRoutingReason());
        Instant now = clock.instant();
        reps.countAssignment(rep.getId());
        boolean firstRep = lead.routingDelay() == null;
        lead.assignTo(rep.getId(), rep.getTeamId(), MANUAL, lead.getRoutingRule(), reason, now);
        meters.routed(rep.getTeamId(), MANUAL, firstRep ? lead.routingDelay() : null);
        RoutingStrategy.Choice choice = new RoutingStrategy.Choice(List.of(),
                List.of(new RoutingStrategy.Ranked(rep, "chosen by " + (assignedBy == null ? "sales ops" : assignedBy))),
                reason);
        record(lead, now, new RuleSource(lead.getRoutingRule(), null, null), rep.getTeamId(), MANUAL, MANUAL,
                rep.getId(), reason, choice);
        timeline.record(new LeadEvent(leadId, LeadEventType.ASSIGNED_BY_HAND, now, rep.getId(), rep.getTeamId(),
                assignedBy, reason));
        return new Outcome(rep.getId(), rep.getTeamId(), MANUAL, reason);
    }

    /**
     * Sales ops or a manager give an assigned or escalated lead to a rep of their choice: the
     * lead's owner and team move (and with them the open-lead counts and the credit for the
     * outcome), and the routing explanation and the lead's timeline record who reassigned it,
     * from whom, to whom and why. Not a breach: the lead's reassignment count, which bounds
     * reassignments after missed deadlines, stays. The rep's response clock is the caller's (see
     * {@code sla.Reassignments}).
     */
    @Transactional
    public Outcome reassignByHand(String leadId, String repId, String reassignedBy, String why) {
        Lead lead = leads.require(leadId);
        Rep rep = activeRep(repId);
        String from = lead.getOwnerId() != null ? nameOf(lead.getOwnerId())
                : lead.getEscalatedTo() != null ? nameOf(lead.getEscalatedTo()) + " (escalated)" : "nobody";
        String reason = "Reassigned by " + reassignedBy + " from " + from + " to " + rep.getName() + ": " + why;
        Instant now = clock.instant();
        reps.countAssignment(rep.getId());
        lead.assignTo(rep.getId(), rep.getTeamId(), REASSIGNED_BY_HAND, lead.getRoutingRule(), reason, now);
        meters.reassigned(rep.getTeamId(), "by-hand");
        RoutingStrategy.Choice choice = new RoutingStrategy.Choice(List.of(),
                List.of(new RoutingStrategy.Ranked(rep, "chosen by " + reassignedBy)), reason);
        record(lead, now, new RuleSource(lead.getRoutingRule(), null, null), rep.getTeamId(), REASSIGNED_BY_HAND,
                REASSIGNED_BY_HAND, rep.getId(), reason, choice);
        timeline.record(new LeadEvent(leadId, LeadEventType.REASSIGNED_BY_HAND, now, rep.getId(), rep.getTeamId(),
                reassignedBy, reason));
        return new Outcome(rep.getId(), rep.getTeamId(), REASSIGNED_BY_HAND, reason);
    }

    /** The rep with that user id, if active; else InvalidRequestException naming the problem. */
    public Rep activeRep(String repId) {
        Rep rep = repId == null ? null : reps.findById(repId.trim()).orElse(null);
        if (rep == null) {
            throw new InvalidRequestException("There is no rep with user id '" + repId + "'");
        }
        if (!rep.isActive()) {
            throw new InvalidRequestException(rep.getName() + " is inactive and cannot be given leads");
        }
        return rep;
    }

    private String nameOf(String repId) {
        return reps.findById(repId).map(Rep::getName).orElse(repId);
    }

    private static String ruleName(Command command) {
        return command.rule() == null ? null : command.rule().ruleName();
    }

    private static RoutingStrategy.RoutedLead routed(Lead lead) {
        return new RoutingStrategy.RoutedLead(lead.getId(), lead.getEmail(), lead.getCompany(), lead.getWebsite(),
                lead.getProduct(), lead.getIndustry(), lead.getTier(), lead.getScore());
    }

    private void record(Lead lead, Instant at, RuleSource rule, String team, String strategy, String tried,
                        String chosen, String summary, RoutingStrategy.Choice choice) {
        decisions.save(new RoutingDecision(lead.getId(), at, rule, team, strategy, tried, chosen, summary,
                candidates(choice)));
    }

    /**
     * Every candidate: chosen, ranked (with why) or excluded (with the kind of exclusion and the
     * reason). In a large team the first {@value #LISTED_RANKED} ranked and
     * {@value #LISTED_EXCLUDED} excluded reps are listed one by one and the rest summed up in a
     * last entry (outcome {@code NOT_LISTED}), so that the record stays small and its cost does
     * not grow with the team.
     */
    private String candidates(RoutingStrategy.Choice choice) {
        Map<String, Map<String, Object>> byRep = new LinkedHashMap<>();
        int ranked = choice.ranking().size();
        for (int rank = 0; rank < Math.min(ranked, LISTED_RANKED); rank++) {
            RoutingStrategy.Ranked next = choice.ranking().get(rank);
            Map<String, Object> candidate = candidate(next.rep());
            candidate.put("outcome", rank == 0 ? "CHOSEN" : "RANKED");
            candidate.put("rank", rank + 1);
            candidate.put("reason", next.why());
            byRep.put(next.rep().getId(), candidate);
        }
        Set<String> rankedIds = ranked <= LISTED_RANKED ? byRep.keySet()
                : choice.ranking().stream().map(r -> r.rep().getId()).collect(Collectors.toSet());
        List<Assessment> excluded = choice.assessed().stream()
                .filter(assessment -> !rankedIds.contains(assessment.rep().getId()))
                .toList();
        for (Assessment assessment : excluded.subList(0, Math.min(excluded.size(), LISTED_EXCLUDED))) {
            Map<String, Object> candidate = candidate(assessment.rep());
            Exclusion exclusion = assessment.exclusion() == null ? Exclusion.Kind.NOT_IN_GROUP.plain()
                    : assessment.exclusion();
            candidate.put("outcome", "EXCLUDED");
            candidate.put("kind", exclusion.kind().name());
            candidate.put("reason", exclusion.reason());
            byRep.put(assessment.rep().getId(), candidate);
        }
        List<Map<String, Object>> listed = new ArrayList<>(byRep.values());
        int moreRanked = Math.max(0, ranked - LISTED_RANKED);
        int moreExcluded = Math.max(0, excluded.size() - LISTED_EXCLUDED);
        if (moreRanked + moreExcluded > 0) {
            Map<String, Object> rest = new LinkedHashMap<>();
            rest.put("outcome", "NOT_LISTED");
            rest.put("count", moreRanked + moreExcluded);
            rest.put("reason", (moreRanked > 0 ? moreRanked + " more eligible reps ranked lower" : "")
                    + (moreRanked > 0 && moreExcluded > 0 ? "; " : "")
                    + (moreExcluded > 0 ? moreExcluded + " more reps left out"
                            + TeamCandidates.exclusions(excluded.subList(LISTED_EXCLUDED, excluded.size())) : ""));
            listed.add(rest);
        }
        try {
            return json.writeValueAsString(listed);
        } catch (JsonProcessingException plainMaps) {
            throw new IllegalStateException(plainMaps);
        }
    }

    private static Map<String, Object> candidate(Rep rep) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("rep", rep.getId());
        candidate.put("name", rep.getName());
        return candidate;
    }
}
