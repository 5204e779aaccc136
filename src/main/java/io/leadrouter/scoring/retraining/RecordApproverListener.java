package io.leadrouter.scoring.retraining;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * "Approve scoring model", on complete: records who decided as {@code approvedBy}: the user who
 * completes the task (Tasklist, {@code /engine-rest}), or, when the engine is called without a user,
 * the task's assignee. Never a form field: a form's values are whatever the browser sends. A task
 * completed by nobody known is refused, so no model is published in nobody's name.
 */
@Component("recordScoringModelApprover")
class RecordApproverListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approver = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        if (approver == null) {
            throw new ProcessEngineException("The task '" + task.getName() + "' (" + task.getId()
                    + ") is completed by nobody known: sign in, or claim it first");
        }
        task.setVariable("approvedBy", approver);
    }
}
