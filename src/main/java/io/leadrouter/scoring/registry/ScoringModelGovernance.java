package io.leadrouter.scoring.registry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadrouter.engine.Decisions;

/**
 * Asks the modelers' decision {@value #DECISION} ({@code processes/scoring-model-governance.dmn})
 * whether a trained model replaces the published one: the minimum of outcomes, the AUC floor and
 * the margin are the table's, so sales ops change them in Camunda Modeler, not in Java. Through the
 * engine, so every verdict is in the decision history (Cockpit).
 */
@Component
class ScoringModelGovernance {

    static final String DECISION = "scoringModelVerdict";

    private final Decisions decisions;

    ScoringModelGovernance(Decisions decisions) {
        this.decisions = decisions;
    }

    /** A verdict and the table's reason for it. */
    record Judgement(Verdict verdict, String reason) {
    }

    /**
     * The verdict on a model trained on {@code converted} and {@code notConverted} leads; {@code auc}
     * null before a model is trained (then only whether there are enough outcomes is of interest),
     * {@code currentAuc} null while no model is published.
     */
    Judgement judge(int converted, int notConverted, Double auc, Double currentAuc) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("converted", converted);
        inputs.put("notConverted", notConverted);
        inputs.put("auc", auc);
        inputs.put("currentAuc", currentAuc);
        Map<String, Object> result = decisions.evaluateSingle(DECISION, inputs);
        Object verdict = result.get("verdict");
        try {
            return new Judgement(Verdict.valueOf(String.valueOf(verdict)), String.valueOf(result.get("reason")));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException("Decision '" + DECISION + "' answered the verdict '" + verdict
                    + "'; it must be one of " + Arrays.toString(Verdict.values()), unknown);
        }
    }
}
