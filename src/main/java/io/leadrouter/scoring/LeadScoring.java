package io.leadrouter.scoring;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTier;

/**
 * Scores a lead with the modelers' DMN {@code lead-scoring.dmn}: decision {@code leadScore} sums
 * points per criterion (clamped here to 0-100), decision {@code leadTier} turns the score into a
 * {@link LeadTier}. Both read the lead's inputs ({@link LeadDecisionInputs}: its fields, its
 * attributes, engagement such as {@code totalVisits}), the tier with the fresh score.
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

    public record Score(int score, LeadTier tier) {
    }

    @Transactional
    public Score score(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> inputs = LeadDecisionInputs.of(lead);
        int score = clamp(points(decisions.evaluate(SCORE_DECISION, inputs)));
        inputs.put("score", score);
        LeadTier tier = DecisionWords.read(LeadTier.class, TIER_DECISION,
                decisions.evaluateSingle(TIER_DECISION, inputs), "tier");
        lead.recordScore(score, tier);
        return new Score(score, tier);
    }

    /** The COLLECT SUM's one result and entry; no rule matched: 0. */
    private static int points(List<Map<String, Object>> result) {
        if (result.isEmpty() || result.get(0).isEmpty()) {
            return 0;
        }
        Object sum = result.get(0).values().iterator().next();
        return sum instanceof Number number ? (int) Math.round(number.doubleValue()) : 0;
    }

    static int clamp(int points) {
        return Math.max(0, Math.min(100, points));
    }
}
