package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;

/**
 * BPMN "Reassign lead", after "Response SLA breached": the routing rule's strategy chain again,
 * in the rep's team, never to a rep who had the lead. Sets {@code repFound}, and {@code owner},
 * {@code team}, {@code routingReason}, {@code strategy} and {@code strategiesTried} when a rep
 * was found.
 */
@Component
class ReassignLeadDelegate implements JavaDelegate {

    private final LeadRouting routing;

    ReassignLeadDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StrategyChain rule = RouteLeadDelegate.ruleChain(execution);
        LeadRouting.Outcome outcome = routing.reassign(RouteLeadDelegate.command(execution, rule));
        if (outcome.repFound()) {
            execution.setVariable("owner", outcome.owner());
            execution.setVariable("team", outcome.team());
            execution.setVariable("routingReason", outcome.reason());
            RouteLeadDelegate.showStrategy(execution, rule, outcome);
        }
        // read only by the gateway right after
        TransientVariables.set(execution, "repFound", outcome.repFound());
    }
}
