package io.leadrouter.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Escalate to manager": sets {@code manager} (assignee of Handle escalated lead; null
 * leaves it to the group {@code managers}) and {@code escalationReason}.
 */
@Component
class EscalateToManagerDelegate implements JavaDelegate {

    private final Escalations escalations;

    EscalateToManagerDelegate(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Escalations.Escalation escalation = escalations.escalate((String) execution.getVariable("leadId"));
        execution.setVariable("manager", escalation.manager());
        execution.setVariable("escalationReason", escalation.reason());
    }
}
