package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN route tasks ("Route round-robin in team", "Route to named rep", …). Each task names its
 * strategy in the input parameter {@code routingStrategy}.
 */
@Component
class RouteLeadDelegate implements JavaDelegate {

    private final LeadRouting routing;

    RouteLeadDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadRouting.Outcome outcome = routing.route(
                (String) execution.getVariable("leadId"),
                (String) execution.getVariable("routingStrategy"),
                (String) execution.getVariable("team"),
                (String) execution.getVariable("directRep"),
                (String) execution.getVariable("routingRule"));
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        execution.setVariable("repFound", outcome.repFound());
    }
}
