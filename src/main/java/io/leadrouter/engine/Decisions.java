package io.leadrouter.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
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
    private final RepositoryService repositoryService;
    private final LatestDefinitions definitions;
    /** The rules of deployed decision versions, by definition id: a deployed version never changes. */
    private final Cache<String, List<Map<String, String>>> rules = Caffeine.newBuilder().maximumSize(64).build();

    Decisions(DecisionService decisionService, RepositoryService repositoryService, LatestDefinitions definitions) {
        this.decisionService = decisionService;
        this.repositoryService = repositoryService;
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

    /**
     * The rules of the latest deployed version of a decision table as the modeler wrote them: for
     * each rule in table order, its output entries' expression text by output name
     * ({@code "\"east\""}, {@code "null"}, an empty text for an empty cell). For those who show what a
     * table says without evaluating it (which team a rule routes to); nothing is evaluated.
     */
    public List<Map<String, String>> ruleOutputs(String decisionKey) {
        return rules.get(definitions.decision(decisionKey).id(), id -> readRuleOutputs(id, decisionKey));
    }

    private List<Map<String, String>> readRuleOutputs(String definitionId, String decisionKey) {
        List<Map<String, String>> read = new ArrayList<>();
        repositoryService.getDmnModelInstance(definitionId).getModelElementsByType(DecisionTable.class).stream()
                .filter(table -> table.getParentElement() instanceof Decision decision
                        && decisionKey.equals(decision.getId()))
                .forEach(table -> {
                    List<Output> outputs = new ArrayList<>(table.getOutputs());
                    for (Rule rule : table.getRules()) {
                        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                        Map<String, String> byName = new LinkedHashMap<>();
                        for (int i = 0; i < Math.min(outputs.size(), entries.size()); i++) {
                            if (outputs.get(i).getName() == null) {
                                continue;
                            }
                            String text = entries.get(i).getText() == null ? null
                                    : entries.get(i).getText().getTextContent();
                            byName.put(outputs.get(i).getName(), text == null ? "" : text.trim());
                        }
                        read.add(Map.copyOf(byName));
                    }
                });
        return List.copyOf(read);
    }
}
