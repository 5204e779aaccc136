package io.leadrouter.routing;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;

/**
 * BPMN "Route lead": gives the lead to a rep by the strategy chain "Choose route" set
 * ({@code strategyChain}), in the rule's team, to the rule's named rep for {@code direct}. Sets
 * {@code owner}, {@code team}, {@code routingReason}, {@code strategy} (the strategy that placed
 * the lead, or the last one tried when nobody was eligible), {@code strategiesTried}
 * ({@code "direct > priority"}) and, for the gateway right after, {@code repFound}.
 *
 * <p>A route task may pin a strategy with the input parameter {@code routingStrategy} (the
 * element templates "Route: …" set it): the pinned strategy replaces the rule's own, and the
 * rule's fallbacks still follow it. The seven route tasks of lead-routing version 3 and older
 * are such pinned tasks, so instances still running on those versions route as before.
 */
@Component
class RouteLeadDelegate implements JavaDelegate {

    static final String STRATEGY_CHAIN = "strategyChain";
    static final String STRATEGY = "strategy";
    static final String PINNED_STRATEGY = "routingStrategy";

    private final LeadRouting routing;

    RouteLeadDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StrategyChain rule = ruleChain(execution);
        String pinned = (String) execution.getVariableLocal(PINNED_STRATEGY);
        LeadRouting.Outcome outcome = routing.route(command(execution, pinned == null ? rule : rule.pinnedTo(pinned)));
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        showStrategy(execution, rule, outcome);
        // read only by the gateway right after
        TransientVariables.set(execution, "repFound", outcome.repFound());
    }

    /**
     * The routing rule's chain. Instances routed by lead-routing version 3 and older carry it as
     * {@code strategy} and {@code fallbackStrategies} instead: their SLA reassignments read it here.
     */
    static StrategyChain ruleChain(DelegateExecution execution) {
        if (execution.hasVariable(STRATEGY_CHAIN)) {
            return StrategyChain.parse((String) execution.getVariable(STRATEGY_CHAIN));
        }
        return new StrategyChain((String) execution.getVariable(STRATEGY),
                RoutingRules.chain((String) execution.getVariable("fallbackStrategies")));
    }

    /** The routing command for that chain, with the team, named rep and rule "Choose route" set. */
    static LeadRouting.Command command(DelegateExecution execution, StrategyChain chain) {
        return new LeadRouting.Command(
                (String) execution.getVariable("leadId"),
                chain.first(),
                chain.fallback(),
                (String) execution.getVariable("team"),
                (String) execution.getVariable("directRep"),
                new RuleSource((String) execution.getVariable("routingRule"), RoutingRules.DECISION,
                        (Integer) execution.getVariable("routingRuleVersion")));
    }

    /**
     * Names in Cockpit the strategy that decided and the chain tried, as the routing explanation
     * does. The rule's chain is kept in {@code strategyChain} first, because {@code strategy} no
     * longer holds the rule's strategy afterwards.
     */
    static void showStrategy(DelegateExecution execution, StrategyChain rule, LeadRouting.Outcome outcome) {
        if (!execution.hasVariable(STRATEGY_CHAIN)) {
            execution.setVariable(STRATEGY_CHAIN, rule.text());
        }
        // mostly the rule's first strategy decides: leave the variable alone, no history row
        if (!Objects.equals(execution.getVariable(STRATEGY), outcome.strategy())) {
            execution.setVariable(STRATEGY, outcome.strategy());
        }
        execution.setVariable("strategiesTried", String.join(" > ", outcome.strategiesTried()));
    }
}
