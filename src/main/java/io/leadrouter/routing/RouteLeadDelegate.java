package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.system.TransientVariables;

/**
 * BPMN route tasks ("Route round-robin in team", "Route by capacity", …). Each task names its
 * strategy in the input parameter {@code routingStrategy}; the fallback chain, team, named rep
 * and rule come from "Choose route".
 */
@Component
class RouteLeadDelegate implements JavaDelegate {

    private final LeadRouting routing;

    RouteLeadDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadRouting.Outcome outcome = routing.route(command(execution,
                (String) execution.getVariable("routingStrategy")));
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        // read only by the gateway right after
        TransientVariables.set(execution, "repFound", outcome.repFound());
    }

    /**
     * What "Choose route" decided, as a routing command starting with {@code strategy}: the
     * fallback chain, team, named rep and rule from the process variables.
     */
    static LeadRouting.Command command(DelegateExecution execution, String strategy) {
        return new LeadRouting.Command(
                (String) execution.getVariable("leadId"),
                strategy,
                RoutingRules.chain((String) execution.getVariable("fallbackStrategies")),
                (String) execution.getVariable("team"),
                (String) execution.getVariable("directRep"),
                new RuleSource((String) execution.getVariable("routingRule"), RoutingRules.DECISION,
                        (Integer) execution.getVariable("routingRuleVersion")));
    }
}
