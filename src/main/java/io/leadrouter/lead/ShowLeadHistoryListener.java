package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating Follow up lead: the lead's history so far, its timeline as plain text, as the task's
 * own variable {@code leadHistory} (shown in a disabled text area: lead data is never markup).
 */
@Component
class ShowLeadHistoryListener implements TaskListener {

    static final String LEAD_HISTORY = "leadHistory";

    private final LeadLifecycle lifecycle;

    ShowLeadHistoryListener(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(LEAD_HISTORY, lifecycle.history(task.getExecution().getProcessBusinessKey()));
    }
}
