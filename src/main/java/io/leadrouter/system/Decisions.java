package io.leadrouter.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluates the modelers' DMN decisions (deployed from {@code processes/}) through the engine,
 * so every evaluation is kept in history and shows in Cockpit. The latest deployed version of a
 * decision applies: which version is the latest is looked up at most once per
 * {@code leadrouter.decisions.latest-version-ttl} (default 1 s) instead of by a query for every
 * evaluation, so a newly deployed version, on this node or another one sharing the database,
 * applies within that time.
 */
@Component
public class Decisions {

    private final DecisionService decisionService;
    private final RepositoryService repositoryService;
    private final long latestTtlNanos;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    Decisions(DecisionService decisionService, RepositoryService repositoryService,
              @Value("${leadrouter.decisions.latest-version-ttl:1s}") Duration latestTtl) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
        this.latestTtlNanos = latestTtl.toNanos();
    }

    /** The latest deployed version of a decision, and when it was looked up. */
    private record Latest(String id, int version, long lookedUpAt) {
    }

    private Latest latest(String decisionKey) {
        Latest known = latest.get(decisionKey);
        long now = System.nanoTime();
        if (known != null && now - known.lookedUpAt() < latestTtlNanos) {
            return known;
        }
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Decision '" + decisionKey + "' is not deployed");
        }
        Latest found = new Latest(definition.getId(), definition.getVersion(), now);
        latest.put(decisionKey, found);
        return found;
    }

    /** A decision's single result and the deployed version of the decision that gave it. */
    public record Evaluated(DmnDecisionResultEntries entries, int version) {
    }

    /** Like {@link #evaluateSingle}, and says which deployed version of the decision answered. */
    public Evaluated evaluateLatestSingle(String decisionKey, Map<String, ?> inputs) {
        Latest definition = latest(decisionKey);
        DmnDecisionResult result = evaluate(definition, inputs);
        return new Evaluated(single(decisionKey, inputs, result), definition.version());
    }

    /** Evaluates a decision whose inputs may be null (missing data). */
    public DmnDecisionResult evaluate(String decisionKey, Map<String, ?> inputs) {
        return evaluate(latest(decisionKey), inputs);
    }

    private DmnDecisionResult evaluate(Latest definition, Map<String, ?> inputs) {
        VariableMap variables = Variables.createVariables();
        inputs.forEach(variables::putValue);
        return decisionService.evaluateDecisionById(definition.id()).variables(variables).evaluate();
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
