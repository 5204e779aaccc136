package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Choose route": which team, strategy chain and named rep, by routing-rules.dmn. Sets
 * {@code strategyChain} (the rule's strategy, then its fallbacks: "direct,priority"), which
 * "Route lead" and "Reassign lead" route by, and {@code strategy}, the rule's own strategy until
 * "Route lead" names the one that placed the lead.
 */
@Component
class ChooseRouteDelegate implements JavaDelegate {

    private final RoutingRules rules;

    ChooseRouteDelegate(RoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RoutingRules.Route route = rules.choose((String) execution.getVariable("leadId"));
        execution.setVariable("team", route.team());
        execution.setVariable(RouteLeadDelegate.STRATEGY_CHAIN, route.chain().text());
        // instances of lead-routing version 3 and older take their route task by this variable
        execution.setVariable(RouteLeadDelegate.STRATEGY, route.strategy());
        execution.setVariable("directRep", route.rep());
        execution.setVariable("routingRule", route.rule().ruleName());
        execution.setVariable("routingRuleVersion", route.rule().decisionVersion());
    }
}
