package io.leadrouter.system;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the modelers' DMN decisions (deployed from {@code processes/}) through the engine,
 * so every evaluation is kept in history and shows in Cockpit. The latest deployed version of a
 * decision always applies.
 */
@Component
public class Decisions {

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;

    Decisions(DecisionService decisionService, RepositoryService repositoryService) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
    }

    /** A decision's single result and the deployed version of the decision that gave it. */
    public record Evaluated(DmnDecisionResultEntries entries, int version) {
    }

    /** Like {@link #evaluateSingle}, and says which deployed version of the decision answered. */
    public Evaluated evaluateLatestSingle(String decisionKey, Map<String, ?> inputs) {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision '" + decisionKey + "' is not deployed");
        }
        DmnDecisionResult result = decisionService.evaluateDecisionById(latest.getId()).variables(variables(inputs))
                .evaluate();
        return new Evaluated(single(decisionKey, inputs, result), latest.getVersion());
    }

    /** Evaluates a decision whose inputs may be null (missing data). */
    public DmnDecisionResult evaluate(String decisionKey, Map<String, ?> inputs) {
        return decisionService.evaluateDecisionByKey(decisionKey).variables(variables(inputs)).evaluate();
    }

    /** Inputs may hold nulls (missing data), which Map.of cannot. */
    private static VariableMap variables(Map<String, ?> inputs) {
        VariableMap variables = Variables.createVariables();
        inputs.forEach(variables::putValue);
        return variables;
    }

    /** The one result of a decision that must match exactly one rule. */
    public DmnDecisionResultEntries evaluateSingle(String decisionKey, Map<String, ?> inputs) {
        return single(decisionKey, inputs, evaluate(decisionKey, inputs));
    }

    private static DmnDecisionResultEntries single(String decisionKey, Map<String, ?> inputs,
                                                   DmnDecisionResult result) {
        if (result.size() != 1) {
            throw new IllegalStateException("Decision '" + decisionKey + "' matched " + result.size()
                    + " rules for " + inputs + "; it must match exactly one (add a catch-all rule)");
        }
        return result.getSingleResult();
    }
}
