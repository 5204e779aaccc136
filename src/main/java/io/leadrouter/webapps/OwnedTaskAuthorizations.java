package io.leadrouter.webapps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Who may do what with a lead's task, as Camunda's authorizations. The engine's default grants
 * READ and UPDATE on a task to its assignee and to every candidate user and group, so any
 * teammate could take, reassign, close or rewrite a colleague's lead. For the tasks a person
 * owns ({@link #OWNED_TASKS}: "Work lead", "Follow up lead", "Handle escalated lead") this
 * provider grants instead:
 *
 * <ul>
 * <li>the assignee: READ and TASK_WORK (work and complete the task; claiming their own task is a
 * no-op). No TASK_ASSIGN and no UPDATE: they cannot unclaim, reassign, delegate or change the
 * task or its variables except by completing it; they plan it with a follow-up date (and the due
 * date where it is not the response deadline), which {@link LeadTaskDates} allows them.</li>
 * <li>candidate users (the managers of the lead's team): READ and READ_VARIABLE, the task with
 * the lead's data.</li>
 * <li>candidate groups (the team, when it shares its leads): READ only, the task without its
 * variables: who has which lead and until when, but not the lead's contact data, which goes only
 * to those who may work the lead (with {@code enforceSpecificVariablePermission}, on in
 * application.yaml; without it READ would include the variables).</li>
 * <li>While the task has no assignee (an escalated lead with no manager named), its candidates
 * may claim it: TASK_WORK and READ_VARIABLE, TASK_WORK taken back when someone claims it.</li>
 * <li>a previous assignee: nothing. Their grant goes with the assignment.</li>
 * </ul>
 *
 * And once an owned task has an assignee, nobody changes it on the task, not even an admin
 * (AuthorizationException, 403): reassigning a lead goes through Lead Router
 * ({@code POST /api/leads/{id}/reassign}), which moves the lead's owner, response clock and credit
 * and gives the new rep a new task. Every other task (Review lead, Assign lead manually, the sales
 * ops queues) keeps Camunda's default.
 */
class OwnedTaskAuthorizations extends DefaultAuthorizationProvider {

    /** The task definition keys of tasks one person works: owned by their assignee. */
    static final Set<String> OWNED_TASKS = Set.of("WorkLead", "FollowUpLead", "HandleEscalatedLead");

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (!isOwned(task)) {
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }
        if (oldAssignee != null && !oldAssignee.equals(newAssignee)) {
            throw new AuthorizationException("The task '" + task.getName() + "' (" + task.getId() + ") belongs to '"
                    + oldAssignee + "' and cannot be unassigned, reassigned or delegated: reassign the lead through "
                    + "Lead Router (POST /api/leads/{id}/reassign, sales ops or the rep's manager)");
        }
        if (newAssignee == null || newAssignee.equals(oldAssignee)) {
            return null;
        }
        String user = Context.getCommandContext().getAuthenticatedUserId();
        if (!beingCreated(task) && user != null && !user.equals(newAssignee)) {
            throw new AuthorizationException("'" + user + "' may claim the task '" + task.getName() + "' ("
                    + task.getId() + ") for themselves only, not for '" + newAssignee + "'");
        }
        List<AuthorizationEntity> changed = new ArrayList<>(grant(task, newAssignee, null, assigneePermissions()));
        // claimed: the other candidates keep reading it, no longer working it
        for (IdentityLinkEntity candidate : candidates(task)) {
            if (!newAssignee.equals(candidate.getUserId())) {
                AuthorizationEntity reading = createOrUpdateAuthorization(task, candidate.getUserId(),
                        candidate.getGroupId(), Resources.TASK, false, Permissions.READ);
                reading.removePermission(TaskPermissions.TASK_WORK);
                changed.add(reading);
            }
        }
        return changed.toArray(new AuthorizationEntity[0]);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        // Camunda's task "owner" (set by delegating) gives nothing on an owned task
        return isOwned(task) ? null : super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        if (!isOwned(task)) {
            return super.newTaskUserIdentityLink(task, userId, type);
        }
        return grant(task, userId, null, candidatePermissions(task, true)).toArray(new AuthorizationEntity[0]);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!isOwned(task)) {
            return super.newTaskGroupIdentityLink(task, groupId, type);
        }
        return grant(task, null, groupId, candidatePermissions(task, false)).toArray(new AuthorizationEntity[0]);
    }

    /** The engine is creating the task (and assigning it by the model), no user is changing it. */
    private static boolean beingCreated(Task task) {
        return "Init".equals(task.getTaskState());
    }

    static boolean isOwned(Task task) {
        return OWNED_TASKS.contains(task.getTaskDefinitionKey());
    }

    private static Permission[] assigneePermissions() {
        return new Permission[] {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE};
    }

    /**
     * Candidates read the task, candidate users with its variables; while nobody has it, any
     * candidate may claim it (and then work it).
     */
    private Permission[] candidatePermissions(Task task, boolean withVariables) {
        if (task.getAssignee() == null) {
            return new Permission[] {Permissions.READ, TaskPermissions.READ_VARIABLE, TaskPermissions.TASK_WORK};
        }
        return withVariables ? new Permission[] {Permissions.READ, TaskPermissions.READ_VARIABLE}
                : new Permission[] {Permissions.READ};
    }

    /** Creates or widens the user's or group's grant on the task (and its history when that is authorized too). */
    private List<AuthorizationEntity> grant(Task task, String userId, String groupId, Permission... permissions) {
        List<AuthorizationEntity> granted = new ArrayList<>();
        granted.add(createOrUpdateAuthorization(task, userId, groupId, Resources.TASK, false, permissions));
        if (isHistoricInstancePermissionsEnabled()) {
            granted.add(createOrUpdateAuthorization(task, userId, groupId, Resources.HISTORIC_TASK, true,
                    HistoricTaskPermissions.READ));
        }
        return granted;
    }

    private static List<IdentityLinkEntity> candidates(Task task) {
        return ((TaskEntity) task).getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .toList();
    }
}
