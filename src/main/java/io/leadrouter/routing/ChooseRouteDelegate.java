package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Choose route": which team and strategy, by routing-rules.dmn. */
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
        execution.setVariable("strategy", route.strategy());
        execution.setVariable("directRep", route.rep());
        execution.setVariable("fallbackStrategies", route.fallbackText());
        execution.setVariable("routingRule", route.rule().ruleName());
        execution.setVariable("routingRuleVersion", route.rule().decisionVersion());
    }
}
