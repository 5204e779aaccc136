package io.leadrouter.lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.normalise.CountrySource;

/**
 * A lead as the API shows it: its fields ({@link LeadData}, one JSON property per
 * {@link LeadField}, attributes as a JSON object), the lead source whose mapping read it
 * ({@code sourceMapping}, absent for a lead sent in Lead Router's own form) and what Lead Router
 * made of it, starting with where its country came from ({@code countrySource}: given, or read
 * from the phone, US state, city, e-mail or website; absent without a country). Speed to lead:
 * {@code slaDueAt} is the current rep's response deadline, {@code slaMet} whether the first
 * response came in time (absent until known), the routing delay runs from receipt to the first
 * rep, the rep delay from the first rep to the first response (including time with reps who
 * missed their deadline). Its outcome: {@code outcome} with {@code outcomeNote}, the deal value
 * of a CONVERTED lead ({@code dealValue}), the reason of a LOST one ({@code lostReason}, a value of
 * {@code lost-reasons.dmn}), {@code closedAt} once the outcome is final, and while a contacted
 * lead is followed up, when its holder means to follow up next ({@code followUpAt}). Its scoring:
 * the rules' {@code score} (0-100) and the {@code tier}, and when a published conversion model scored
 * it, {@code conversionProbability} (0 to 1), the {@code scoreFactors} that moved it most (strongest
 * first; {@code contribution} in log-odds, positive raises it) and the model's registry version
 * ({@code scoringModelVersion}); all three null when the rules alone scored it.
 */
public record LeadView(
        String id,
        @JsonUnwrapped LeadData data,
        JsonNode attributes,
        String sourceMapping,
        CountrySource countrySource,
        LeadStatus status,
        List<String> problems,
        Integer score,
        LeadTier tier,
        Double conversionProbability,
        List<ConversionScore.Factor> scoreFactors,
        Integer scoringModelVersion,
        LeadQualification qualification,
        String qualificationReason,
        String owner,
        String team,
        Routing routing,
        LeadOutcome outcome,
        String outcomeNote,
        BigDecimal dealValue,
        String lostReason,
        Instant followUpAt,
        String mergedInto,
        Instant receivedAt,
        Instant assignedAt,
        Instant closedAt,
        Instant slaDueAt,
        Boolean slaMet,
        Instant firstResponseAt,
        Long routingDelaySeconds,
        Long repDelaySeconds,
        int reassignments,
        String escalatedTo) {

    /** How the lead was routed: the strategy, the rule that chose it and the reason in words. */
    public record Routing(String strategy, String rule, String reason, Instant decidedAt) {
    }

    public static LeadView of(Lead lead) {
        Routing routing = lead.getRoutingDecidedAt() == null ? null
                : new Routing(lead.getRoutingStrategy(), lead.getRoutingRule(), lead.getRoutingReason(),
                        lead.getRoutingDecidedAt());
        List<String> problems = lead.getProblems() == null ? null
                : Arrays.asList(lead.getProblems().split("\n"));
        return new LeadView(lead.getId(), lead.data(),
                lead.getAttributes() == null ? null : LeadAttributes.of(lead).json(), lead.getSourceMapping(),
                lead.getCountrySource(), lead.getStatus(),
                problems, lead.getScore(), lead.getTier(), lead.getConversionProbability(), lead.getScoreFactors(),
                lead.getScoringModelVersion(), lead.getQualification(), lead.getQualificationReason(),
                lead.getOwnerId(), lead.getTeamId(), routing, lead.getOutcome(), lead.getOutcomeNote(),
                lead.getDealValue(), lead.getLostReason(), lead.getFollowUpAt(), lead.getMergedInto(),
                lead.getReceivedAt(), lead.getAssignedAt(), lead.getClosedAt(), lead.getSlaDueAt(), lead.getSlaMet(), lead.getFirstResponseAt(),
                seconds(lead.routingDelay()), seconds(lead.repDelay()), lead.getReassignments(), lead.getEscalatedTo());
    }

    /** The same lead without e-mail and phone, for those who may read it but not work it. */
    public LeadView withoutContact() {
        return new LeadView(id, data.withoutContact(), attributes, sourceMapping, countrySource, status, problems,
                score, tier, conversionProbability, scoreFactors, scoringModelVersion, qualification, qualificationReason, owner, team, routing, outcome, outcomeNote, dealValue,
                lostReason, followUpAt, mergedInto,
                receivedAt, assignedAt, closedAt, slaDueAt, slaMet, firstResponseAt, routingDelaySeconds,
                repDelaySeconds, reassignments, escalatedTo);
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.getSeconds();
    }

}
