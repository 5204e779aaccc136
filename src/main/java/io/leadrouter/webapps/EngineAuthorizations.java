package io.leadrouter.webapps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.leadrouter.intake.LeadIntake;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Who sees what in Cockpit, Tasklist, Admin and {@code /engine-rest}, with Camunda's
 * authorization checks on ({@code camunda.bpm.authorization.enabled}). Created at every start,
 * idempotently: the groups of {@link Roles}, a group per team, the Tasklist filters "My leads",
 * "My team's leads", "All open leads" and sales ops' queues "To review", "To assign" and
 * "Escalated" (each card shows the lead, {@link LeadCard}; hot leads and the most urgent first),
 * and these grants:
 *
 * <ul>
 * <li>Teams, {@code managers}, {@code sales-ops}: Tasklist, the two filters, and the lead
 * process definition (its name and diagram). Which tasks they see is not granted here but per
 * task ({@link OwnedTaskAuthorizations}, {@link LeadTaskReaders}): the owner of a "Work lead"
 * reads and works it; the managers of the team, and the team when it shares its leads, read it.
 * Newly added teams get their grants at the next start.</li>
 * <li>{@code sales-ops} also reads every task of the lead process with its variables (READ_TASK,
 * READ_TASK_VARIABLE, and READ_INSTANCE_VARIABLE, which the filters' cards need; not UPDATE_TASK:
 * they reassign a lead through Lead Router, which moves owner, clock and credit with it). Review
 * and manual assignment are theirs to work as candidate group.</li>
 * <li>{@code managers}, {@code sales-ops}: read users and groups (to pick an assignee).</li>
 * <li>{@code managers}, {@code sales-ops}: Cockpit, for Lead Router's ops dashboard on its start page
 * (a plugin reading {@code /api}, which scopes every figure to the user), and nothing more there: no
 * process instance, history or variable of the lead process (a manager would read every team's leads
 * there), no update, no delete, no Admin app. Cockpit's own dashboard shows them the lead process's
 * definition (the READ above) and counts that Camunda gives with it (running instances, and tokens per
 * step on the diagram, of every team: numbers, no lead), and no instance in its lists.</li>
 * <li>{@code sales-ops}: the scoring model retraining's definition and its tasks' variables, for
 * "Approve scoring model" (its candidate group: the engine grants them the task) and their queue
 * "Scoring models to approve", and starting it
 * ("Retrain now", through {@code /engine-rest}); no CREATE_INSTANCE of any other process.</li>
 * <li>{@code ops}: Cockpit, reading every process, decision, deployment and their history, and
 * updating process instances (retrying failed jobs, resolving incidents); starting the scoring model
 * retraining ("Retrain now", through {@code /engine-rest}).</li>
 * <li>{@code camunda-admin}: everything (Camunda's admin group), and alone the Admin app.</li>
 * </ul>
 */
@Component
@Order(EngineAuthorizations.ORDER)
public class EngineAuthorizations implements ApplicationRunner {

    /** Start-up order: after anything that creates teams (the demo organisation). */
    public static final int ORDER = Roles.GROUPS_CREATED_ORDER;

    static final String MY_LEADS = "My leads";
    static final String MY_TEAMS_LEADS = "My team's leads";
    static final String ALL_LEADS = "All open leads";
    /** The name of {@link #ALL_LEADS} until version 15: renamed at the next start. */
    static final String ALL_LEADS_BEFORE = "All leads";
    static final String TO_REVIEW = "To review";
    static final String TO_ASSIGN = "To assign";
    static final String ESCALATED = "Escalated";
    static final String MODELS_TO_APPROVE = "Scoring models to approve";
    /** The retraining process ({@code processes/scoring-model.bpmn}; webapps knows no scoring package). */
    static final String SCORING_MODEL_RETRAINING = "scoringModelRetraining";

    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final TeamRepository teams;

    EngineAuthorizations(AuthorizationService authorizations, IdentityService identity, FilterService filters,
                         TaskService tasks, TeamRepository teams) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.teams = teams;
    }

    @Override
    public void run(ApplicationArguments args) {
        group(Roles.SALES_OPS, "Sales operations", "WORKFLOW");
        group(Roles.MANAGERS, "Sales managers", "WORKFLOW");
        group(Roles.OPS, "Operations", "SYSTEM");
        group(Roles.MONITORING, "Monitoring (Actuator)", "SYSTEM");
        group(Roles.INTAKE, "Lead sources (API)", "SYSTEM");
        List<String> salesGroups = new ArrayList<>();
        for (Team team : teams.findAll()) {
            group(team.getId(), team.getName(), "WORKFLOW");
            salesGroups.add(team.getId());
        }
        salesGroups.add(Roles.MANAGERS);
        salesGroups.add(Roles.SALES_OPS);

        List<String> filterIds = taskFilters();
        int granted = 0;
        for (String group : salesGroups) {
            granted += grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (String filterId : filterIds) {
                granted += grant(group, Resources.FILTER, filterId, Permissions.READ);
            }
            granted += grant(group, Resources.PROCESS_DEFINITION, LeadIntake.PROCESS_KEY,
                    ProcessDefinitionPermissions.READ);
        }
        for (String group : List.of(Roles.MANAGERS, Roles.SALES_OPS)) {
            granted += grant(group, Resources.USER, Authorization.ANY, Permissions.READ);
            granted += grant(group, Resources.GROUP, Authorization.ANY, Permissions.READ);
        }
        // READ_INSTANCE_VARIABLE: what a filter checks to show a card's values (LeadCard); sales ops
        // read every lead with its data anyway (lead/LeadAccess)
        granted += grant(Roles.SALES_OPS, Resources.PROCESS_DEFINITION, LeadIntake.PROCESS_KEY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
        // sales ops find every lead's task (to see whom to reassign); they are candidates of none
        granted += grant(Roles.SALES_OPS, Resources.FILTER, allLeadsFilter(), Permissions.READ);
        // sales ops' queues; a manager sees in "Escalated" the escalated leads they may read
        for (String queue : salesOpsQueues()) {
            granted += grant(Roles.SALES_OPS, Resources.FILTER, queue, Permissions.READ);
        }
        granted += grant(Roles.MANAGERS, Resources.FILTER, escalatedFilter(), Permissions.READ);
        // databases of earlier versions: sales ops could take, reassign and close any rep's task,
        // and the open lead tasks carry the engine's default grants (every candidate could update)
        int upgraded = revoke(Roles.SALES_OPS, Resources.PROCESS_DEFINITION, LeadIntake.PROCESS_KEY,
                ProcessDefinitionPermissions.UPDATE_TASK);
        if (upgraded > 0) {
            granted += upgraded + narrowOpenOwnedTasks();
        }

        // the ops dashboard (a Cockpit plugin reading /api, scoped there); Cockpit's own pages show them no lead
        for (String group : List.of(Roles.MANAGERS, Roles.SALES_OPS)) {
            granted += grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }

        // "Approve scoring model" (scoring-model.bpmn): the task itself comes with the engine's default
        // grant to its candidate group, sales ops (read and complete it); the definition gives Tasklist
        // its name, READ_TASK_VARIABLE the form its metrics and READ_INSTANCE_VARIABLE the queue's cards
        // (enforceSpecificVariablePermission; metrics, no personal data).
        // "Retrain now" (the message scoringModelRetrainingRequested through /engine-rest): sales ops, who
        // train through the API too, and ops, who watch the retraining in Cockpit
        granted += grant(Roles.SALES_OPS, Resources.PROCESS_DEFINITION, SCORING_MODEL_RETRAINING,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.CREATE_INSTANCE);
        granted += grant(Roles.SALES_OPS, Resources.FILTER, modelsToApproveFilter(), Permissions.READ);
        granted += grant(Roles.SALES_OPS, Resources.PROCESS_INSTANCE, Authorization.ANY,
                ProcessInstancePermissions.CREATE);

        granted += grant(Roles.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // "Retrain now"; Cockpit shows ops every instance with its job, incident and variables (below)
        granted += grant(Roles.OPS, Resources.PROCESS_DEFINITION, SCORING_MODEL_RETRAINING,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        granted += grant(Roles.OPS, Resources.PROCESS_DEFINITION, Authorization.ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK,
                // variables are permissions of their own (enforceSpecificVariablePermission)
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        // CREATE: the process definitions' CREATE_INSTANCE (above) says which they may start
        granted += grant(Roles.OPS, Resources.PROCESS_INSTANCE, Authorization.ANY,
                ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.CREATE);
        granted += grant(Roles.OPS, Resources.DECISION_DEFINITION, Authorization.ANY,
                Permissions.READ, Permissions.READ_HISTORY);
        granted += grant(Roles.OPS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
        granted += grant(Roles.OPS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        if (granted > 0) {
            log.info("Granted {} Camunda authorizations for Tasklist ({}) and Cockpit ({}, {}, {})", granted,
                    String.join(", ", salesGroups), Roles.OPS, Roles.MANAGERS, Roles.SALES_OPS);
        }
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /**
     * The Tasklist filters every sales user works from; their ids. Each card shows the lead
     * ({@link LeadCard}); the most urgent come first: the highest priority (the tier's,
     * {@link TaskPriorities}), then the earliest due date (Work lead is due at the rep's response
     * deadline). Tasklist's own sorting only orders tasks of equal priority and due date.
     */
    private List<String> taskFilters() {
        return List.of(
                filter(MY_LEADS, "Leads assigned to me, hot leads and the most urgent first", -10,
                        mostUrgentFirst(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))),
                // candidate user covers the groups too: a manager is a candidate user of the team's
                // leads, a rep's team a candidate group when it shares, sales ops of their queues
                filter(MY_TEAMS_LEADS, "Leads of my teams I may see, and my groups' tasks, assigned or not; "
                        + "hot leads and the most urgent first", -5,
                        mostUrgentFirst(tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
                                .includeAssignedTasks())));
    }

    private String allLeadsFilter() {
        renameFilter(ALL_LEADS_BEFORE, ALL_LEADS);
        return filter(ALL_LEADS, "Every open lead task: routed, in review, waiting for a rep, escalated, in "
                        + "follow-up; hot leads, the most urgent and the oldest first (sales ops)", 0,
                oldestFirst(tasks.createTaskQuery().processDefinitionKey(LeadIntake.PROCESS_KEY)));
    }

    /**
     * Sales ops' queues, one per kind of work, listed before every other filter: the leads the
     * review policy holds, the leads routing found no rep for, and the escalated leads. Each card
     * shows the lead ({@link LeadCard}) and Tasklist the task's age ("Created 2 hours ago"); hot
     * leads, then the earliest due, then the oldest first.
     */
    private List<String> salesOpsQueues() {
        return List.of(
                filter(TO_REVIEW, "Leads the review policy holds for a person (Review lead); hot leads, the "
                        + "earliest due and the oldest first", -30, queue("ReviewLead")),
                filter(TO_ASSIGN, "Leads routing found no eligible rep for (Assign lead manually); hot leads, the "
                        + "earliest due and the oldest first", -29, queue("AssignLeadManually")),
                escalatedFilter());
    }

    private String escalatedFilter() {
        return filter(ESCALATED, "Leads nobody responded to in time, escalated to a manager (Handle escalated "
                + "lead); hot leads and the oldest first", -28, queue("HandleEscalatedLead"));
    }

    private TaskQuery queue(String taskDefinitionKey) {
        return oldestFirst(tasks.createTaskQuery().processDefinitionKey(LeadIntake.PROCESS_KEY)
                .taskDefinitionKey(taskDefinitionKey));
    }

    /**
     * Sales ops' queue of scoring models waiting for their decision (Approve scoring model), after the
     * lead queues; each card shows the candidate's version and AUC beside the published model's.
     */
    private String modelsToApproveFilter() {
        return filter(MODELS_TO_APPROVE, "Scoring models close to the published one, waiting for sales ops to "
                        + "publish them or keep the current model (Approve scoring model); the oldest first", -27,
                tasks.createTaskQuery().processDefinitionKey(SCORING_MODEL_RETRAINING)
                        .taskDefinitionKey("ApproveScoringModel").orderByTaskCreateTime().asc(),
                List.of(column("version", "Candidate version"), column("auc", "AUC"),
                        column("currentAuc", "Published model's AUC"), column("validationLeads", "Validation leads")));
    }

    private static Map<String, Object> column(String variable, String label) {
        return Map.of("name", variable, "label", label);
    }

    private static TaskQuery mostUrgentFirst(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    /** Hot leads first (the tier's priority), then the earliest due, then the oldest: a queue's order. */
    private static TaskQuery oldestFirst(TaskQuery query) {
        return mostUrgentFirst(query).orderByTaskCreateTime().asc();
    }

    /** Renames a filter of an earlier version; its id, and so its grants, stay. */
    private void renameFilter(String before, String now) {
        if (filters.createFilterQuery().filterName(now).count() > 0) {
            return;
        }
        filters.createFilterQuery().filterName(before).list().forEach(old -> {
            old.setName(now);
            filters.saveFilter(old);
        });
    }

    private String filter(String name, String description, int priority, TaskQuery query) {
        return filter(name, description, priority, query, LeadCard.filterColumns());
    }

    private String filter(String name, String description, int priority, TaskQuery query,
                          List<Map<String, Object>> columns) {
        Filter existing = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list().stream()
                .findFirst().orElse(null);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("variables", columns);
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        if (existing != null && description.equals(existing.getProperties().get("description"))
                && properties.get("variables").equals(existing.getProperties().get("variables"))) {
            return existing.getId();
        }
        // new, or made by an earlier version (its description or its card's columns say which): the query is
        // ours to set
        Filter filter = existing != null ? existing : filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties);
        return filters.saveFilter(filter).getId();
    }

    /**
     * Gives the open owned tasks of an earlier version the grants {@link OwnedTaskAuthorizations}
     * gives new ones: the assignee reads and works, every other user or group only reads. Runs
     * once, on the first start after the upgrade (when the old sales ops grant is found).
     */
    private int narrowOpenOwnedTasks() {
        int narrowed = 0;
        TaskQuery owned = tasks.createTaskQuery().processDefinitionKey(LeadIntake.PROCESS_KEY)
                .taskDefinitionKeyIn(OwnedTaskAuthorizations.OWNED_TASKS.toArray(String[]::new)).orderByTaskId().asc();
        long total = owned.count();
        for (int first = 0; first < total; first += 500) {
            for (Task task : owned.listPage(first, 500)) {
                for (Authorization grant : authorizations.createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
                        .resourceId(task.getId()).list()) {
                    for (Permission wider : List.of(Permissions.UPDATE, TaskPermissions.TASK_ASSIGN,
                            TaskPermissions.UPDATE_VARIABLE, Permissions.DELETE, TaskPermissions.TASK_WORK)) {
                        grant.removePermission(wider);
                    }
                    // the assignee works it; while nobody has it, its candidates may claim it
                    if (task.getAssignee() == null || task.getAssignee().equals(grant.getUserId())) {
                        grant.addPermission(TaskPermissions.TASK_WORK);
                        grant.addPermission(TaskPermissions.READ_VARIABLE);
                    }
                    authorizations.saveAuthorization(grant);
                    narrowed++;
                }
            }
        }
        return narrowed;
    }

    /** Takes the permissions from the group's grant if it has them; how many authorizations were written. */
    private int revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            return 0;
        }
        boolean granted = false;
        for (Permission permission : permissions) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                granted = true;
            }
        }
        if (!granted) {
            return 0;
        }
        authorizations.saveAuthorization(authorization);
        return 1;
    }

    /** Grants the permissions to the group unless it has them; how many authorizations were written. */
    private int grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (!missing) {
            return 0;
        }
        authorizations.saveAuthorization(authorization);
        return 1;
    }
}
