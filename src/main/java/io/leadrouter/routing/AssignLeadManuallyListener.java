package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completing "Assign lead manually" of lead-routing.bpmn up to versionTag 6 (leads still waiting
 * there after an upgrade): checks the rep sales ops typed in. An unknown or inactive rep fails the
 * completion and the task stays open: a form error naming the problem, as from version 7 on in
 * "Assign to chosen rep" ({@link AssignToChosenRepDelegate}); what a task listener throws, the
 * engine wraps, and webapps/TaskListenerRefusals turns the refusal back into a form error (400).
 * Sets {@code team}, {@code routingReason} and {@code strategy} ({@code manual}) for the chosen rep.
 */
@Component
class AssignLeadManuallyListener implements TaskListener {

    private final LeadRouting routing;

    AssignLeadManuallyListener(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        LeadRouting.Outcome outcome = routing.assignManually(
                (String) task.getVariable("leadId"),
                (String) task.getVariable("owner"),
                user == null ? null : user.getUserId());
        task.setVariable("owner", outcome.owner());
        task.setVariable("team", outcome.team());
        task.setVariable("routingReason", outcome.reason());
        task.setVariable(RouteLeadDelegate.STRATEGY, outcome.strategy());
    }
}
