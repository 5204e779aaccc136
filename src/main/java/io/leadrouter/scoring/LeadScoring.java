package io.leadrouter.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.ConversionScore;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTier;
import io.leadrouter.scoring.model.Explanation;
import io.leadrouter.scoring.registry.ScoringModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Scores a lead with the modelers' DMN {@code lead-scoring.dmn}: decision {@code leadScore} sums
 * points per criterion (clamped here to 0-100), decision {@code leadTier} turns the score, or the
 * conversion probability when there is one, into a {@link LeadTier}. Both read the lead's inputs
 * ({@link LeadDecisionInputs}: its fields, its attributes, engagement such as {@code totalVisits}),
 * the tier with the fresh score and probability.
 *
 * <p>When a conversion model is published ({@link ScoringModels#published()}, cached: no statement
 * per lead), the model explains the lead first: its probability, the {@value #FACTORS} factors that
 * moved it most and the model's registry version are stored on the lead, and the tier table reads
 * {@code conversionProbability}. The model never fails a lead: if explaining throws, the lead is
 * scored by the rules alone (probability null), the fault is logged and counted
 * ({@value #MODEL_TIMER}{@code {result="failed"}}). Nor does it judge a lead it knows nothing of:
 * a lead that gives less than {@code leadrouter.scoring.min-known-features} (default a quarter) of
 * the features the model learned from is scored by the rules alone too
 * ({@code result="too-little-known"}).
 */
@Service
public class LeadScoring {

    static final String SCORE_DECISION = "leadScore";
    static final String TIER_DECISION = "leadTier";
    /** How many factors a lead keeps: what a rep reads at a glance. */
    static final int FACTORS = 5;
    static final String MODEL_TIMER = "leadrouter.scoring.model";

    private static final Logger log = LoggerFactory.getLogger(LeadScoring.class);

    private final LeadRepository leads;
    private final Decisions decisions;
    private final ScoringModels models;
    private final Timer explained;
    private final Timer failed;
    private final Timer unknown;
    private final double minKnown;

    LeadScoring(LeadRepository leads, Decisions decisions, ScoringModels models, MeterRegistry meters,
                @Value("${leadrouter.scoring.min-known-features:0.25}") double minKnown) {
        this.leads = leads;
        this.decisions = decisions;
        this.models = models;
        this.explained = timer(meters, "explained");
        this.failed = timer(meters, "failed");
        this.unknown = timer(meters, "too-little-known");
        this.minKnown = minKnown;
    }

    private static Timer timer(MeterRegistry meters, String result) {
        return Timer.builder(MODEL_TIMER)
                .description("Leads the published conversion model explained at Score lead, and the time it took")
                .tag("result", result)
                .register(meters);
    }

    /** The rules' score, the tier, and what the published model said (null when the rules alone scored). */
    public record Score(int score, LeadTier tier, ConversionScore conversion) {
    }

    @Transactional
    public Score score(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> inputs = LeadDecisionInputs.of(lead);
        ConversionScore conversion = models.published().flatMap(published -> explain(published, lead)).orElse(null);
        int score = clamp(points(decisions.evaluate(SCORE_DECISION, inputs)));
        inputs.put("score", score);
        inputs.put(LeadDecisionInputs.CONVERSION_PROBABILITY, conversion == null ? null : conversion.probability());
        LeadTier tier = DecisionWords.read(LeadTier.class, TIER_DECISION,
                decisions.evaluateSingle(TIER_DECISION, inputs), "tier");
        lead.recordScore(score, tier, conversion);
        return new Score(score, tier, conversion);
    }

    /** The model's word on the lead; empty when it failed (the rules score the lead alone). */
    private Optional<ConversionScore> explain(ScoringModels.Published published, Lead lead) {
        long start = System.nanoTime();
        try {
            if (published.model().known(lead) < minKnown) {
                // nothing the model learned from is known of this lead: the rules know more
                unknown.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                return Optional.empty();
            }
            Explanation explanation = published.model().explain(lead, FACTORS);
            ConversionScore conversion = new ConversionScore(explanation.probability(),
                    explanation.factors().stream()
                            .map(factor -> new ConversionScore.Factor(factor.feature(), factor.words(),
                                    factor.contribution()))
                            .toList(),
                    published.version());
            explained.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.of(conversion);
        } catch (RuntimeException modelFault) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            // the lead id only: the message of a model's fault may carry the lead's values
            log.warn("The published scoring model could not score lead {}; the rules score it alone", lead.getId(),
                    modelFault);
            return Optional.empty();
        }
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
