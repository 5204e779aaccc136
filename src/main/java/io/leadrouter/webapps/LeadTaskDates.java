package io.leadrouter.webapps;

import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may change the dates of a lead's task: Tasklist's task header sets the follow-up and due
 * dates by saving the whole task ({@code PUT /task/{id}}), which Camunda allows only with UPDATE
 * or TASK_ASSIGN on the task, and those would let the owner of a lead also rename it, delegate
 * it, add readers or change its variables ({@link OwnedTaskAuthorizations} gives them neither).
 * Installed in place of Camunda's authorization checks ({@link TaskOwnershipPlugin}), this adds
 * to them, for saving a task and for {@code TaskService.setDueDate}/{@code setFollowUpDate}:
 *
 * <ul>
 * <li>The assignee of an owned task (Work lead, Follow up lead, Handle escalated lead) may change
 * its follow-up date, and its due date where the due date is theirs to plan; nothing else, unless
 * their other permissions allow it.</li>
 * <li>The due date of a task due at the rep's response deadline ({@link #DUE_AT_RESPONSE_DEADLINE}:
 * Work lead) changes for nobody, not even an admin: the response clock's timers would not move
 * with it, so it would lie. It moves with the lead, when it is reassigned. Refused with a message
 * that says so (403, which Tasklist shows).</li>
 * </ul>
 *
 * Everything else is Camunda's check as before: sales ops set the dates of their review and manual
 * assignment tasks with Camunda's default grants on them.
 */
class LeadTaskDates extends AuthorizationCommandChecker {

    /** Tasks due at the rep's response deadline (the lead's response SLA), not at a date anyone picks. */
    static final Set<String> DUE_AT_RESPONSE_DEADLINE = Set.of("WorkLead");

    /** What saving a task can change. */
    enum Change {
        NAME, DESCRIPTION, PRIORITY, ASSIGNEE, OWNER, DELEGATION_STATE, DUE_DATE, FOLLOW_UP_DATE, PARENT_TASK,
        CASE_INSTANCE, TENANT
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
        Command<?> running = runningCommand();
        boolean setsDates = running instanceof SetTaskDueDateCmd || running instanceof SetTaskFollowUpDateCmd
                || running instanceof SaveTaskCmd && task.getRevision() > 0;
        TaskEntity stored = setsDates ? stored(task) : null;
        if (stored == null) {
            super.checkTaskAssign(task);
            return;
        }
        Set<Change> changes = running instanceof SetTaskDueDateCmd ? EnumSet.of(Change.DUE_DATE)
                : running instanceof SetTaskFollowUpDateCmd ? EnumSet.of(Change.FOLLOW_UP_DATE)
                : changes(stored, task);
        if (changes.contains(Change.DUE_DATE) && DUE_AT_RESPONSE_DEADLINE.contains(stored.getTaskDefinitionKey())) {
            throw new AuthorizationException("The due date of '" + stored.getName() + "' (" + stored.getId()
                    + ") is the rep's response deadline and cannot be changed: it moves only when the lead is "
                    + "reassigned (POST /api/leads/{id}/reassign). Set a follow-up date to plan the lead.");
        }
        if (!mayPlanAsAssignee(stored, Context.getCommandContext().getAuthenticatedUserId(), changes)) {
            super.checkTaskAssign(task);
        }
    }

    /**
     * Whether the user may make these changes as the task's assignee: on an owned task, the
     * follow-up date, and the due date unless it is the response deadline.
     */
    static boolean mayPlanAsAssignee(Task task, String user, Set<Change> changes) {
        return user != null && user.equals(task.getAssignee()) && OwnedTaskAuthorizations.isOwned(task)
                && EnumSet.of(Change.FOLLOW_UP_DATE, Change.DUE_DATE).containsAll(changes)
                && !(changes.contains(Change.DUE_DATE)
                        && DUE_AT_RESPONSE_DEADLINE.contains(task.getTaskDefinitionKey()));
    }

    private static Command<?> runningCommand() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation == null ? null : invocation.getCommand();
    }

    /**
     * The task as stored: the setters of a date read it themselves; a whole task is saved from a
     * copy read earlier (as {@code PUT /task/{id}} does). Null when the command read and changed
     * the task itself: its changes are in it already, and Camunda's check decides.
     */
    private static TaskEntity stored(TaskEntity task) {
        TaskEntity stored = Context.getCommandContext().getTaskManager().findTaskById(task.getId());
        boolean copy = runningCommand() instanceof SaveTaskCmd;
        return stored == null || copy && stored == task ? null : stored;
    }

    /** What differs between the stored task and the one being saved. */
    static Set<Change> changes(Task stored, Task saved) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        differs(changes, Change.NAME, stored.getName(), saved.getName());
        differs(changes, Change.DESCRIPTION, stored.getDescription(), saved.getDescription());
        differs(changes, Change.PRIORITY, stored.getPriority(), saved.getPriority());
        differs(changes, Change.ASSIGNEE, stored.getAssignee(), saved.getAssignee());
        differs(changes, Change.OWNER, stored.getOwner(), saved.getOwner());
        differs(changes, Change.DELEGATION_STATE, stored.getDelegationState(), saved.getDelegationState());
        differs(changes, Change.DUE_DATE, seconds(stored.getDueDate()), seconds(saved.getDueDate()));
        differs(changes, Change.FOLLOW_UP_DATE, seconds(stored.getFollowUpDate()), seconds(saved.getFollowUpDate()));
        differs(changes, Change.PARENT_TASK, stored.getParentTaskId(), saved.getParentTaskId());
        differs(changes, Change.CASE_INSTANCE, stored.getCaseInstanceId(), saved.getCaseInstanceId());
        differs(changes, Change.TENANT, stored.getTenantId(), saved.getTenantId());
        return changes;
    }

    private static void differs(Set<Change> changes, Change change, Object stored, Object saved) {
        if (!Objects.equals(stored, saved)) {
            changes.add(change);
        }
    }

    /**
     * A date as its whole second: the database hands back a {@code Timestamp}, which equals no plain
     * {@code Date}, and Tasklist sends a task's dates back without their milliseconds (a Work lead
     * due at 10:58:11.482 is saved with 10:58:11.000 when the rep sets its follow-up date), which is
     * no change.
     */
    private static Long seconds(Date date) {
        return date == null ? null : Math.floorDiv(date.getTime(), 1000L);
    }
}
