package io.leadrouter.sla;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Start response clock": sets {@code slaDueDate} (Work lead's due date and the breach
 * timer) and {@code slaReminderDate} (the reminder timer) from the rep's business calendar.
 */
@Component
class StartResponseClockDelegate implements JavaDelegate {

    private final ResponseClocks clocks;

    StartResponseClockDelegate(ResponseClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ResponseClocks.Deadline deadline = clocks.start((String) execution.getVariable("leadId"));
        execution.setVariable("slaDueDate", Date.from(deadline.due()));
        execution.setVariable("slaReminderDate", Date.from(deadline.reminder()));
    }
}
