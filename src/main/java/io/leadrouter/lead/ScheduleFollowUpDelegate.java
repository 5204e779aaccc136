package io.leadrouter.lead;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Schedule follow-up": when the contacted lead is followed up next. The date the rep chose
 * on the form ({@code followUpAt}, consumed here so that the next round starts without it), or the
 * model's default after contact (input parameter {@code defaultFollowUpAfter}, an ISO-8601 period
 * such as {@code P2D} or duration such as {@code PT4H}). Sets {@code followUpDate}: the follow-up
 * date of Follow up lead and of its reminder.
 */
@Component
class ScheduleFollowUpDelegate implements JavaDelegate {

    static final String FOLLOW_UP_DATE = "followUpDate";

    private final LeadLifecycle lifecycle;

    ScheduleFollowUpDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant at = lifecycle.scheduleFollowUp(execution.getProcessBusinessKey(),
                execution.getVariable("followUpAt"), (String) execution.getVariableLocal("defaultFollowUpAfter"));
        execution.setVariable(FOLLOW_UP_DATE, Date.from(at));
        if (execution.hasVariable("followUpAt")) {
            execution.removeVariable("followUpAt");
        }
    }
}
