package io.leadrouter.scoring.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadrouter.DecisionTables;

/**
 * Proves each rule of {@code processes/scoring-model-governance.dmn}: the minimum of outcomes
 * (40 and 40), the AUC floor (0.70) and the margin (0.01) around the published model's AUC, and
 * that every combination of inputs gets exactly one verdict that {@link Verdict} knows.
 */
class ScoringModelVerdictDecisionTest {

    private static DmnDecision verdict;

    @BeforeAll
    static void parseDecision() {
        verdict = DecisionTables.parse("scoring-model-governance.dmn", ScoringModelGovernance.DECISION);
    }

    private static DmnDecisionResult evaluate(Integer converted, Integer notConverted, Double auc, Double currentAuc) {
        VariableMap inputs = Variables.createVariables().putValue("converted", converted)
                .putValue("notConverted", notConverted).putValue("auc", auc).putValue("currentAuc", currentAuc);
        return DecisionTables.ENGINE.evaluateDecision(verdict, inputs);
    }

    private static Verdict verdictOf(Integer converted, Integer notConverted, Double auc, Double currentAuc) {
        DmnDecisionResult result = evaluate(converted, notConverted, auc, currentAuc);
        assertThat(result).as("matched rules").hasSize(1);
        assertThat((String) result.getSingleResult().getEntry("reason")).isNotBlank();
        return Verdict.valueOf(result.getSingleResult().getEntry("verdict"));
    }

    @ParameterizedTest(name = "{0} converted and {1} not: too few outcomes whatever the AUC")
    @CsvSource({
        "39, 1000, 0.95,",
        "1000, 39, 0.95, 0.80",
        "0, 0, ,",
        "39, 39, , 0.80",
    })
    void belowFortyConvertedOrFortyNotTheRulesKeepScoring(int converted, int notConverted, Double auc,
                                                           Double currentAuc) {
        assertThat(verdictOf(converted, notConverted, auc, currentAuc)).isEqualTo(Verdict.TOO_FEW_OUTCOMES);
    }

    @Test
    void fortyOfEachAreEnoughOutcomes() {
        assertThat(verdictOf(40, 40, 0.80, null)).isEqualTo(Verdict.PUBLISH);
    }

    @ParameterizedTest(name = "AUC {0} against a published {1}: below the floor")
    @CsvSource({
        "0.69,",
        "0.50, 0.60",
        ", 0.80",
        ",",
    })
    void aModelUnderTheFloorOrNeverMeasuredIsNeverPublished(Double auc, Double currentAuc) {
        assertThat(verdictOf(1000, 5000, auc, currentAuc)).isEqualTo(Verdict.BELOW_FLOOR);
    }

    @Test
    void theFirstModelAboveTheFloorIsPublished() {
        assertThat(verdictOf(1000, 5000, 0.70, null)).isEqualTo(Verdict.PUBLISH);
        assertThat(verdictOf(1000, 5000, 0.91, null)).isEqualTo(Verdict.PUBLISH);
    }

    @ParameterizedTest(name = "AUC {0} against a published {1}: {2}")
    @CsvSource({
        "0.92,  0.90,  PUBLISH",
        "0.911, 0.90,  PUBLISH",
        "0.905, 0.90,  ASK",
        "0.90,  0.90,  ASK",
        "0.895, 0.90,  ASK",
        "0.889, 0.90,  KEEP",
        "0.75,  0.90,  KEEP",
    })
    void aRetrainIsPublishedOnlyWhenClearlyBetterAskedAboutWhenCloseAndKeptOutWhenWorse(double auc,
                                                                                         double currentAuc,
                                                                                         Verdict expected) {
        assertThat(verdictOf(1000, 5000, auc, currentAuc)).isEqualTo(expected);
    }

    @Test
    void aRetrainThatIsNotBetterDoesNotPublish() {
        assertThat(verdictOf(2500, 4800, 0.895, 0.895)).isNotEqualTo(Verdict.PUBLISH);
        assertThat(verdictOf(2500, 4800, 0.80, 0.895)).isEqualTo(Verdict.KEEP);
    }

    @Test
    void everyCombinationOfInputsMatchesExactlyOneRule() {
        Integer[] counts = {null, 0, 39, 40, 5000};
        Double[] aucs = {null, 0.0, 0.5, 0.69, 0.70, 0.8, 0.9, 1.0};
        for (Integer converted : counts) {
            for (Integer notConverted : counts) {
                for (Double auc : aucs) {
                    for (Double currentAuc : aucs) {
                        assertThat(evaluate(converted, notConverted, auc, currentAuc))
                                .as("%s %s %s %s", converted, notConverted, auc, currentAuc).hasSize(1);
                    }
                }
            }
        }
    }
}
