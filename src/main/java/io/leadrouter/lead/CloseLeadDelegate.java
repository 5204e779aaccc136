package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Close as disqualified" and "Move to nurture": the task's input parameter
 * {@code closingStatus} says which.
 */
@Component
class CloseLeadDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    CloseLeadDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = "DISQUALIFY".equals(execution.getVariable("reviewDecision"))
                ? "Disqualified in review"
                : (String) execution.getVariable("qualificationReason");
        lifecycle.close((String) execution.getVariable("leadId"), (String) execution.getVariable("closingStatus"),
                reason);
    }
}
