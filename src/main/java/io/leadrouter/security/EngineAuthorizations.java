package io.leadrouter.security;

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
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.leadrouter.intake.LeadIntake;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Who sees what in Cockpit, Tasklist, Admin and {@code /engine-rest}, with Camunda's
 * authorization checks on ({@code camunda.bpm.authorization.enabled}). Created at every start,
 * idempotently: the groups of {@link Roles}, a group per team, the Tasklist filters "My leads"
 * and "My team's leads", and these grants:
 *
 * <ul>
 * <li>Teams, {@code managers}, {@code sales-ops}: Tasklist, the two filters, and the lead
 * process definition (its name and diagram). Which tasks they see is not granted here: the
 * engine itself grants READ and UPDATE on a task to its assignee and its candidate groups, and
 * every "Work lead" task has the owner as assignee and the owner's team as candidate group. So
 * a rep sees and completes the leads of their team and their own, nothing else; a manager (a
 * member of their team's group) the same. Newly added teams get their grants at the next start.</li>
 * <li>{@code sales-ops} also every task of the lead process (READ_TASK, UPDATE_TASK): they
 * reassign leads of reps who are away. Review and manual assignment are theirs as candidate group.</li>
 * <li>{@code managers}, {@code sales-ops}: read users and groups (to pick an assignee).</li>
 * <li>{@code ops}: Cockpit, reading every process, decision, deployment and their history, and
 * updating process instances (retrying failed jobs, resolving incidents).</li>
 * <li>{@code camunda-admin}: everything (Camunda's admin group), and alone the Admin app.</li>
 * </ul>
 */
@Component
@Order(EngineAuthorizations.ORDER)
public class EngineAuthorizations implements ApplicationRunner {

    /** Start-up order: after anything that creates teams (the demo organisation). */
    public static final int ORDER = 1000;

    static final String MY_LEADS = "My leads";
    static final String MY_TEAMS_LEADS = "My team's leads";

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
        granted += grant(Roles.SALES_OPS, Resources.PROCESS_DEFINITION, LeadIntake.PROCESS_KEY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);

        granted += grant(Roles.OPS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        granted += grant(Roles.OPS, Resources.PROCESS_DEFINITION, Authorization.ANY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        granted += grant(Roles.OPS, Resources.PROCESS_INSTANCE, Authorization.ANY,
                ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
        granted += grant(Roles.OPS, Resources.DECISION_DEFINITION, Authorization.ANY,
                Permissions.READ, Permissions.READ_HISTORY);
        granted += grant(Roles.OPS, Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ);
        granted += grant(Roles.OPS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
        if (granted > 0) {
            log.info("Granted {} Camunda authorizations for Tasklist ({}) and Cockpit ({})", granted,
                    String.join(", ", salesGroups), Roles.OPS);
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

    /** The Tasklist filters every sales user works from; their ids. */
    private List<String> taskFilters() {
        Map<String, Object> shown = Map.of("variables", List.of(
                Map.of("name", "leadName", "label", "Lead"),
                Map.of("name", "company", "label", "Company"),
                Map.of("name", "tier", "label", "Tier"),
                Map.of("name", "score", "label", "Score")));
        return List.of(
                // most urgent first: Work lead is due at the rep's response deadline
                filter(MY_LEADS, "Leads assigned to me, the most urgent first", -10,
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                        shown),
                filter(MY_TEAMS_LEADS, "Leads and tasks of my teams and groups, assigned or not", -5,
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks(), shown));
    }

    private String filter(String name, String description, int priority, TaskQuery query, Map<String, Object> shown) {
        Filter existing = filters.createFilterQuery().filterName(name).orderByFilterId().asc().list().stream()
                .findFirst().orElse(null);
        if (existing != null) {
            return existing.getId();
        }
        Map<String, Object> properties = new LinkedHashMap<>(shown);
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        return filters.saveFilter(filter).getId();
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
