package io.leadrouter.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record reminder": the reminder goes on the response clock and on the lead's timeline. */
@Component
class RecordReminderDelegate implements JavaDelegate {

    private final ResponseClocks clocks;

    RecordReminderDelegate(ResponseClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.remind((String) execution.getVariable("leadId"));
    }
}
