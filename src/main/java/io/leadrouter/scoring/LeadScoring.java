package io.leadrouter.scoring;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAttributes;
import io.leadrouter.lead.LeadRepository;

/**
 * Scores a lead with the modelers' DMN {@code lead-scoring.dmn}: decision {@code leadScore} sums
 * points per criterion (clamped here to 0-100), decision {@code leadTier} turns the score into
 * HOT, WARM or COLD.
 *
 * <p>Engagement comes from the lead's attributes: {@code totalVisits} and
 * {@code timeOnSiteSeconds}, or the column names of common marketing exports
 * ({@code TotalVisits}, {@code Total Time Spent on Website}).
 */
@Service
public class LeadScoring {

    static final String SCORE_DECISION = "leadScore";
    static final String TIER_DECISION = "leadTier";

    private final LeadRepository leads;
    private final Decisions decisions;

    LeadScoring(LeadRepository leads, Decisions decisions) {
        this.leads = leads;
        this.decisions = decisions;
    }

    public record Score(int score, String tier) {
    }

    @Transactional
    public Score score(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("employees", lead.getEmployees());
        inputs.put("annualRevenue", lead.getAnnualRevenue() == null ? null : lead.getAnnualRevenue().doubleValue());
        inputs.put("industry", lead.getIndustry());
        inputs.put("product", lead.getProduct());
        inputs.put("source", lead.getSource());
        LeadAttributes attributes = LeadAttributes.of(lead);
        inputs.put("totalVisits", attributes.whole("totalVisits", "TotalVisits"));
        inputs.put("timeOnSiteSeconds", attributes.whole("timeOnSiteSeconds", "Total Time Spent on Website"));

        int score = clamp(points(decisions.evaluate(SCORE_DECISION, inputs)));
        String tier = decisions.evaluateSingle(TIER_DECISION, Map.of("score", score)).getEntry("tier");
        lead.recordScore(score, tier);
        return new Score(score, tier);
    }

    private static int points(DmnDecisionResult result) {
        if (result.isEmpty() || result.getSingleResult().isEmpty()) {
            return 0;
        }
        Object sum = result.getSingleResult().getSingleEntry();
        return sum instanceof Number number ? (int) Math.round(number.doubleValue()) : 0;
    }

    static int clamp(int points) {
        return Math.max(0, Math.min(100, points));
    }

}
