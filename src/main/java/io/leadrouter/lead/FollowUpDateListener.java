package io.leadrouter.lead;

import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * On an update of Follow up lead: when its follow-up date changed (Tasklist's task header), the
 * reminder follows it. The timer "Follow-up due" is moved to the new date, removed when the date is
 * cleared, and made again when it had fired already and a new date is set, so the holder is
 * reminded on the date the task shows. The lead and its timeline record the move. Other changes of
 * the task (the engine's own, a local variable) leave the date as scheduled and change nothing.
 *
 * <p>The timer is the engine's: it is changed without the engine's authorization checks, since the
 * user who may change the task's date may move its reminder with it.
 */
@Component
class FollowUpDateListener implements TaskListener {

    /** The id of the reminder timer on Follow up lead in lead-routing.bpmn. */
    static final String REMINDER = "FollowUpDue";

    private final LeadLifecycle lifecycle;

    FollowUpDateListener(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void notify(DelegateTask task) {
        Date chosen = task.getFollowUpDate();
        Object scheduled = task.getVariable(ScheduleFollowUpDelegate.FOLLOW_UP_DATE);
        if (Objects.equals(chosen, scheduled)) {
            return;
        }
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        execution.setVariable(ScheduleFollowUpDelegate.FOLLOW_UP_DATE, chosen);
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        lifecycle.moveFollowUp(execution.getProcessBusinessKey(), chosen == null ? null : chosen.toInstant(),
                user == null ? null : user.getUserId());
        Context.getCommandContext().runWithoutAuthorization(() -> {
            moveReminder(task.getProcessEngineServices().getManagementService(), execution, chosen);
            return null;
        });
    }

    private static void moveReminder(ManagementService management, ExecutionEntity execution, Date chosen) {
        Job reminder = management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(REMINDER).timers().singleResult();
        if (reminder != null && chosen == null) {
            management.deleteJob(reminder.getId());
        } else if (reminder != null) {
            management.setJobDuedate(reminder.getId(), chosen);
        } else if (chosen != null) {
            TimerDeclarationImpl declaration = TimerDeclarationImpl.getDeclarationsForScope(execution.getActivity())
                    .get(REMINDER);
            if (declaration == null) {
                throw new IllegalStateException("Follow up lead has no timer '" + REMINDER + "' (lead-routing.bpmn)");
            }
            declaration.createTimerInstance(execution);
        }
    }
}
