package io.leadrouter.lead;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing Handle escalated lead with CONTACTED: the manager who has the task follows the lead
 * up, so {@code owner} (the assignee of Follow up lead) becomes them, not the rep who let the
 * deadline pass. That is the task's assignee, or, for a task nobody claimed, the manager completing
 * it. An escalated lead nobody has taken cannot go to follow-up: there would be nobody to follow it
 * up (a final outcome needs nobody).
 */
@Component
class EscalatedLeadFollowUpListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable("outcome");
        boolean contacted = outcome instanceof String text
                && LeadOutcome.CONTACTED.name().equals(text.trim().toUpperCase(Locale.ROOT));
        if (!contacted) {
            return;
        }
        String manager = task.getAssignee();
        if (manager == null) {
            Authentication authenticated = task.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            manager = authenticated == null ? null : authenticated.getUserId();
        }
        if (manager == null) {
            throw new FormFieldValidationException(null, "Nobody has taken this escalated lead: a manager claims it "
                    + "before recording CONTACTED, and then follows it up");
        }
        task.setVariable("owner", manager);
    }
}
