package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Close after follow-up window": the window on "Follow up until outcome" ended without a
 * final outcome. The task's input parameters say how the lead closes: {@code closingOutcome}
 * (NURTURE, LOST or DISQUALIFIED) and, for LOST, {@code lostReason} (a value of lost-reasons.dmn).
 */
@Component
class CloseAfterFollowUpWindowDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    CloseAfterFollowUpWindowDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String closingOutcome = (String) execution.getVariableLocal("closingOutcome");
        String lostReason = (String) execution.getVariableLocal("lostReason");
        lifecycle.expireFollowUp(execution.getProcessBusinessKey(), closingOutcome, lostReason);
    }
}
