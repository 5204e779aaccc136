package io.leadrouter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadrouter.DecisionTables;
import io.leadrouter.engine.Decisions;
import io.leadrouter.intake.XEducationHistory;
import io.leadrouter.lead.ConversionScore;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTier;
import io.leadrouter.scoring.model.ConversionModel;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.LabelledLead;
import io.leadrouter.scoring.model.LeakageGuard;
import io.leadrouter.scoring.model.ScoringFeatures;
import io.leadrouter.scoring.registry.ScoringModels;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Score lead with and without a published conversion model, on leads of the X Education history and
 * a model trained on it ({@link ConversionModelTraining}), the shipped {@code lead-scoring.dmn}
 * evaluated by a standalone DMN engine in place of the process engine's.
 */
class LeadScoringTest {

    private static final int VERSION = 7;
    private static final DmnDecision LEAD_SCORE = DecisionTables.parse("lead-scoring.dmn", LeadScoring.SCORE_DECISION);
    private static final DmnDecision LEAD_TIER = DecisionTables.parse("lead-scoring.dmn", LeadScoring.TIER_DECISION);

    private static ConversionModel model;
    private static List<LabelledLead> history;

    private final LeadRepository leads = mock(LeadRepository.class);
    private final Decisions decisions = mock(Decisions.class);
    private final ScoringModels models = mock(ScoringModels.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private LeadScoring scoring;

    @BeforeAll
    static void trainOnTheHistory() {
        history = XEducationHistory.labelledLeads();
        model = new ConversionModelTraining(new ScoringFeatures(LeakageGuard.shipped())).train(history).chosen();
    }

    @BeforeEach
    void theShippedDecisions() {
        when(decisions.evaluate(eq(LeadScoring.SCORE_DECISION), anyMap())).thenAnswer(call -> DecisionTables.ENGINE
                .evaluateDecisionTable(LEAD_SCORE, Variables.fromMap(call.getArgument(1))).getResultList());
        when(decisions.evaluateSingle(eq(LeadScoring.TIER_DECISION), anyMap())).thenAnswer(call -> DecisionTables.ENGINE
                .evaluateDecisionTable(LEAD_TIER, Variables.fromMap(call.getArgument(1))).getSingleResult()
                .getEntryMap());
        scoring = new LeadScoring(leads, decisions, models, meters, 0.25);
    }

    @Test
    void withAPublishedModelTheLeadKeepsItsProbabilityFiveFactorsAndTheModelsVersion() {
        when(models.published()).thenReturn(Optional.of(new ScoringModels.Published(VERSION, model)));
        Lead lead = posted(history.get(history.size() - 1));

        LeadScoring.Score score = scoring.score(lead.getId());

        // the explanation sums the trees' contributions in floats: the probability agrees to 1e-6
        double expected = model.probability(lead);
        assertThat(score.conversion().probability()).isCloseTo(expected, within(1e-6));
        assertThat(lead.getConversionProbability()).isEqualTo(score.conversion().probability());
        assertThat(lead.getScoringModelVersion()).isEqualTo(VERSION);
        assertThat(lead.getScoreFactors()).hasSize(LeadScoring.FACTORS)
                .allSatisfy(factor -> assertThat(factor.words()).isNotBlank().containsAnyOf("↑", "↓"))
                .isEqualTo(score.conversion().factors());
        assertThat(lead.getScore()).as("the rules' points stay").isEqualTo(score.score()).isBetween(0, 100);
        assertThat(lead.getTier()).isEqualTo(score.tier()).isEqualTo(tierOf(score.conversion().probability()));
        assertThat(meters.timer(LeadScoring.MODEL_TIMER, "result", "explained").count()).isEqualTo(1);
    }

    @Test
    void theTierFollowsTheProbabilityNotThePoints() {
        when(models.published()).thenReturn(Optional.of(new ScoringModels.Published(VERSION, model)));
        int disagreements = 0;
        for (LabelledLead past : history.subList(history.size() - 200, history.size())) {
            Lead lead = posted(past);
            LeadScoring.Score score = scoring.score(lead.getId());
            assertThat(score.tier()).isEqualTo(tierOf(score.conversion().probability()));
            if (score.tier() != rulesTierOf(score.score())) {
                disagreements++;
            }
        }
        assertThat(disagreements).as("leads whose tier the model changed").isPositive();
        Timer explained = meters.timer(LeadScoring.MODEL_TIMER, "result", "explained");
        System.out.printf("Score lead with the %s model: %d of 200 leads changed tier; explaining took %.0f µs a "
                + "lead on average (wall, max %.0f µs)%n", model.card().algorithm(), disagreements,
                explained.mean(TimeUnit.MICROSECONDS),
                explained.max(TimeUnit.MICROSECONDS));
    }

    @Test
    void withoutAModelTheRulesScoreAsBefore() {
        when(models.published()).thenReturn(Optional.empty());
        Lead lead = posted(history.get(history.size() - 1));

        LeadScoring.Score score = scoring.score(lead.getId());

        assertThat(score.conversion()).isNull();
        assertThat(lead.getConversionProbability()).isNull();
        assertThat(lead.getScoreFactors()).isNull();
        assertThat(lead.getScoringModelVersion()).isNull();
        assertThat(lead.getTier()).isEqualTo(rulesTierOf(score.score()));
    }

    @Test
    void aModelThatFailsLeavesTheLeadToTheRules() {
        ConversionModel broken = mock(ConversionModel.class);
        when(broken.card()).thenReturn(model.card());
        when(broken.known(any(Lead.class))).thenReturn(1.0);
        when(broken.explain(any(Lead.class), anyInt())).thenThrow(new IllegalStateException("booster gone"));
        when(models.published()).thenReturn(Optional.of(new ScoringModels.Published(VERSION, broken)));
        Lead lead = posted(history.get(history.size() - 1));

        LeadScoring.Score score = scoring.score(lead.getId());

        assertThat(score.conversion()).isNull();
        assertThat(lead.getConversionProbability()).isNull();
        assertThat(lead.getTier()).isEqualTo(rulesTierOf(score.score()));
        assertThat(meters.timer(LeadScoring.MODEL_TIMER, "result", "failed").count()).isEqualTo(1);
    }

    @Test
    void aLeadScoredAgainWithoutAModelKeepsNoProbabilityOfTheEarlierOne() {
        Lead lead = posted(history.get(history.size() - 1));
        when(models.published()).thenReturn(Optional.of(new ScoringModels.Published(VERSION, model)));
        scoring.score(lead.getId());
        assertThat(lead.getConversionProbability()).isNotNull();

        when(models.published()).thenReturn(Optional.empty());
        scoring.score(lead.getId());

        assertThat(lead.getConversionProbability()).isNull();
        assertThat(lead.getScoreFactors()).isNull();
        assertThat(lead.getScoringModelVersion()).isNull();
    }

    @Test
    void aLeadOfAnotherBusinessThanTheModelsHistoryIsLeftToTheRules() {
        when(models.published()).thenReturn(Optional.of(new ScoringModels.Published(VERSION, model)));
        // the demo's B2B leads: a company, its industry and size, a product; none of X Education's answers
        Lead b2b = Lead.receive(new LeadData("pg-1", "Grace", "Hopper", "grace@navy-systems.com", null,
                "Navy Systems", null, "US", "CA", null, "technology", 2500, new BigDecimal("250000000"), "GTX Pro",
                "Reference", null, null), Instant.parse("2026-12-01T10:00:00Z"), "test", null);
        when(leads.require(b2b.getId())).thenReturn(b2b);
        double xEducationKnown = history.subList(history.size() - 200, history.size()).stream()
                .mapToDouble(past -> model.known(past.lead())).min().orElseThrow();

        LeadScoring.Score score = scoring.score(b2b.getId());

        System.out.printf("Share of the model's %d features a lead gives: the B2B lead %.2f, X Education's newest 200 "
                + "at least %.2f%n", model.card().features().size(), model.known(b2b), xEducationKnown);
        assertThat(model.known(b2b)).isLessThan(0.25);
        assertThat(xEducationKnown).as("every X Education lead is scored").isGreaterThanOrEqualTo(0.25);
        assertThat(score.conversion()).isNull();
        assertThat(b2b.getConversionProbability()).isNull();
        assertThat(b2b.getTier()).isEqualTo(rulesTierOf(score.score())).isEqualTo(LeadTier.HOT);
        assertThat(meters.timer(LeadScoring.MODEL_TIMER, "result", "too-little-known").count()).isEqualTo(1);
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThat(catchThrowable(() -> new ConversionScore(1.2, List.of(), 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> new ConversionScore(Double.NaN, List.of(), 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A copy of a past lead as intake would hold it, found by the mocked repository. */
    private Lead posted(LabelledLead past) {
        Lead lead = Lead.receive(past.lead().data(), Instant.parse("2026-12-01T10:00:00Z"), "test",
                past.lead().getSourceMapping());
        when(leads.require(lead.getId())).thenReturn(lead);
        return lead;
    }

    /** The shipped thresholds of the tier table, read by sales ops in its rules. */
    private static LeadTier tierOf(double probability) {
        return probability >= 0.60 ? LeadTier.HOT : probability >= 0.30 ? LeadTier.WARM : LeadTier.COLD;
    }

    private static LeadTier rulesTierOf(int score) {
        return score >= 70 ? LeadTier.HOT : score >= 40 ? LeadTier.WARM : LeadTier.COLD;
    }
}
