package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record follow-up due": the follow-up date came, on the lead's timeline. */
@Component
class RecordFollowUpDueDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    RecordFollowUpDueDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.followUpDue(execution.getProcessBusinessKey());
    }
}
