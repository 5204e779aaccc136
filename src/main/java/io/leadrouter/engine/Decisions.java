package io.leadrouter.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the modelers' DMN decisions (deployed from {@code processes/}) through the engine:
 * with history level full every evaluation is kept in history and shows in Cockpit. The latest
 * deployed version of a decision applies ({@link LatestDefinitions}: looked up at most once a
 * second).
 */
@Component
public class Decisions {

    private final DecisionService decisionService;
    private final LatestDefinitions definitions;

    Decisions(DecisionService decisionService, LatestDefinitions definitions) {
        this.decisionService = decisionService;
        this.definitions = definitions;
    }

    /** A decision's single result and the deployed version of the decision that gave it. */
    public record Evaluated(Map<String, Object> entries, int version) {
    }

    /** Like {@link #evaluateSingle}, and says which deployed version of the decision answered. */
    public Evaluated evaluateLatestSingle(String decisionKey, Map<String, ?> inputs) {
        LatestDefinitions.Latest definition = definitions.decision(decisionKey);
        DmnDecisionResult result = evaluate(definition, inputs);
        return new Evaluated(single(decisionKey, inputs, result), definition.version());
    }

    /**
     * Evaluates a decision whose inputs may be null (missing data): every matched rule's outputs
     * by name (one entry for a COLLECT SUM), plain Java maps so the caller knows no engine type.
     */
    public List<Map<String, Object>> evaluate(String decisionKey, Map<String, ?> inputs) {
        return evaluate(definitions.decision(decisionKey), inputs).getResultList();
    }

    private DmnDecisionResult evaluate(LatestDefinitions.Latest definition, Map<String, ?> inputs) {
        VariableMap variables = Variables.createVariables();
        inputs.forEach(variables::putValue);
        return decisionService.evaluateDecisionById(definition.id()).variables(variables).evaluate();
    }

    /** The one result of a decision that must match exactly one rule. */
    public Map<String, Object> evaluateSingle(String decisionKey, Map<String, ?> inputs) {
        return single(decisionKey, inputs, evaluate(definitions.decision(decisionKey), inputs));
    }

    private static Map<String, Object> single(String decisionKey, Map<String, ?> inputs,
                                                   DmnDecisionResult result) {
        if (result.size() != 1) {
            // the inputs' names only: their values are a person's data, and this message ends up in
            // incidents and logs
            throw new IllegalStateException("Decision '" + decisionKey + "' matched " + result.size()
                    + " rules for the inputs " + new TreeSet<>(inputs.keySet())
                    + "; it must match exactly one (add a catch-all rule)");
        }
        return result.getSingleResult().getEntryMap();
    }
}
