package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.TeamRepository;

/**
 * With Camunda authorizations on, over HTTP as real users: a rep of team East, which shares its
 * leads here, sees in Tasklist and through {@code /engine-rest} exactly the tasks of East and
 * their own, and can neither read nor complete a lead of team West; without sharing, only their
 * own; Cockpit and Admin are closed to reps. (Who may act on a task: {@link TaskOwnershipTest}.)
 */
@IntegrationTest
class EngineAuthorizationsTest {

    private static final String COMPLETE = "{\"variables\": {\"outcome\": {\"value\": \"CONVERTED\", \"type\": \"String\"}, "
            + "\"dealValue\": {\"value\": 1200}}}";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    RepRepository reps;
    @Autowired
    LeadRepository leads;
    @Autowired
    TeamRepository teams;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    EngineAuthorizations engineAuthorizations;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private String eastLead;
    private Task eastTask;
    private Task westTask;

    @BeforeEach
    void oneLeadInEastAndOneInWest() {
        sharing("east", true);
        eastLead = driver.submitLead(lead("NY"));
        String west = driver.submitLead(lead("CA"));
        driver.runJobs();
        eastTask = driver.taskOf(eastLead);
        westTask = driver.taskOf(west);
        assertThat(leads.require(eastLead).getTeamId()).isEqualTo("east");
        assertThat(leads.require(west).getTeamId()).isEqualTo("west");
    }

    @AfterEach
    void eastStopsSharing() {
        sharing("east", false);
    }

    @Test
    void withoutSharingARepSeesOnlyTheirOwnLeadsAndNotAColleagues() throws Exception {
        sharing("east", false);
        String notShared = driver.submitLead(lead("NY"));
        driver.runJobs();
        Task colleagues = driver.taskOf(notShared);
        String rep = eastRepOtherThan(colleagues.getAssignee());

        ResponseEntity<String> all = driver.as(rep, "demo")
                .getForEntity("/engine-rest/task?processDefinitionKey=leadRouting&maxResults=5000", String.class);
        ResponseEntity<String> read = driver.as(rep, "demo").getForEntity("/engine-rest/task/" + colleagues.getId(),
                String.class);

        assertThat(ids(json.readTree(all.getBody()))).doesNotContain(colleagues.getId())
                .isEqualTo(tasksOfGroupsOrAssignedTo(rep));
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Set<String> managerSees = ids(json.readTree(driver.as(eastManager(), "demo")
                .getForObject("/engine-rest/task?processDefinitionKey=leadRouting&maxResults=5000", String.class)));
        assertThat(managerSees).as("the team's managers read every lead of the team").contains(colleagues.getId());
    }

    @Test
    void eastRepSeesEastTasksAndOwnOnlyThroughEngineRest() throws Exception {
        String rep = eastRepOtherThan(eastTask.getAssignee());

        ResponseEntity<String> response = driver.as(rep, "demo")
                .getForEntity("/engine-rest/task?processDefinitionKey=leadRouting&maxResults=5000", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Set<String> visible = ids(json.readTree(response.getBody()));
        assertThat(visible).contains(eastTask.getId()).doesNotContain(westTask.getId())
                .isEqualTo(tasksOfGroupsOrAssignedTo(rep));
    }

    @Test
    void eastRepCannotReadOrCompleteWestTaskThroughEngineRest() {
        String rep = eastRepOtherThan(eastTask.getAssignee());

        ResponseEntity<String> read = driver.as(rep, "demo").getForEntity("/engine-rest/task/" + westTask.getId(),
                String.class);
        ResponseEntity<String> complete = driver.as(rep, "demo").postForEntity(
                "/engine-rest/task/" + westTask.getId() + "/complete", jsonBody(COMPLETE), String.class);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(complete.getBody()).contains("AuthorizationException");
        assertThat(tasks.createTaskQuery().taskId(westTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void eastRepSeesEastTasksAndOwnOnlyInTasklist() throws Exception {
        String rep = eastRepOtherThan(eastTask.getAssignee());
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", rep, "demo")).isEqualTo(200);

        HttpResponse<String> all = tasklist.get("/camunda/api/engine/engine/default/task?maxResults=5000");
        HttpResponse<String> teamFilter = tasklist.postJson("/camunda/api/engine/engine/default/filter/"
                + filterId(EngineAuthorizations.MY_TEAMS_LEADS) + "/list?maxResults=5000", "{}");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(ids(json.readTree(all.body()))).contains(eastTask.getId()).doesNotContain(westTask.getId())
                .isEqualTo(tasksOfGroupsOrAssignedTo(rep));
        assertThat(teamFilter.statusCode()).isEqualTo(200);
        assertThat(ids(json.readTree(teamFilter.body()))).contains(eastTask.getId())
                .doesNotContain(westTask.getId());
    }

    @Test
    void eastRepCannotReadOrCompleteWestTaskInTasklist() {
        String rep = eastRepOtherThan(eastTask.getAssignee());
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", rep, "demo")).isEqualTo(200);

        HttpResponse<String> read = tasklist.get("/camunda/api/engine/engine/default/task/" + westTask.getId());
        HttpResponse<String> complete = tasklist.postJson("/camunda/api/engine/engine/default/task/"
                + westTask.getId() + "/submit-form", COMPLETE);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(403);
        assertThat(complete.body()).contains("AuthorizationException");
        assertThat(tasks.createTaskQuery().taskId(westTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void ownerWorksTheirLeadInTasklist() {
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", eastTask.getAssignee(), "demo")).isEqualTo(200);

        HttpResponse<String> mine = tasklist.postJson("/camunda/api/engine/engine/default/filter/"
                + filterId(EngineAuthorizations.MY_LEADS) + "/list?maxResults=5000", "{}");
        HttpResponse<String> complete = tasklist.postJson("/camunda/api/engine/engine/default/task/"
                + eastTask.getId() + "/submit-form", COMPLETE);

        assertThat(mine.body()).contains(eastTask.getId()).doesNotContain(westTask.getId());
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(204);
        assertThat(leads.require(eastLead).getStatus()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void managerSeesTheirTeamOnlyAndSalesOpsEveryLead() throws Exception {
        String eastManager = eastManager();

        Set<String> managerSees = ids(json.readTree(driver.as(eastManager, "demo")
                .getForObject("/engine-rest/task?processDefinitionKey=leadRouting&maxResults=5000", String.class)));
        Set<String> opsSees = ids(json.readTree(driver.as("sam.ops", "demo")
                .getForObject("/engine-rest/task?processDefinitionKey=leadRouting&maxResults=5000", String.class)));

        assertThat(managerSees).contains(eastTask.getId()).doesNotContain(westTask.getId());
        assertThat(opsSees).contains(eastTask.getId(), westTask.getId());
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", "sam.ops", "demo")).isEqualTo(200);
        HttpResponse<String> allLeads = tasklist.postJson("/camunda/api/engine/engine/default/filter/"
                + filterId(EngineAuthorizations.ALL_LEADS) + "/list?maxResults=5000", "{}");
        assertThat(allLeads.statusCode()).as(allLeads.body()).isEqualTo(200);
        assertThat(ids(json.readTree(allLeads.body()))).contains(eastTask.getId(), westTask.getId());
        HttpResponse<String> repAllLeads = new WebappSession("http://localhost:" + port).get(
                "/camunda/api/engine/engine/default/filter/" + filterId(EngineAuthorizations.ALL_LEADS));
        assertThat(repAllLeads.statusCode()).as("not logged in: no filter").isNotEqualTo(200);
    }

    @Test
    void aDatabaseOfAnEarlierVersionLosesItsWideGrantsAtTheNextStart() {
        // as the earlier version left it: sales ops may update every lead task, the team filter
        // asks for candidate groups, and an open Work lead gives its team group UPDATE
        Authorization salesOps = authorizations.createAuthorizationQuery().groupIdIn(Roles.SALES_OPS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("leadRouting").singleResult();
        salesOps.addPermission(ProcessDefinitionPermissions.UPDATE_TASK);
        authorizations.saveAuthorization(salesOps);
        Filter teamFilter = filters.getFilter(filterId(EngineAuthorizations.MY_TEAMS_LEADS));
        teamFilter.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        teamFilter.setProperties(Map.of("description", "Leads and tasks of my teams and groups, assigned or not"));
        filters.saveFilter(teamFilter);
        Authorization oldTaskGrant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        oldTaskGrant.setGroupId("central");
        oldTaskGrant.setResource(Resources.TASK);
        oldTaskGrant.setResourceId(eastTask.getId());
        oldTaskGrant.addPermission(Permissions.READ);
        oldTaskGrant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(oldTaskGrant);
        String centralRep = reps.findByTeamIdOrderById("central").get(0).getId();
        assertThat(authorizations.isUserAuthorized(centralRep, List.of("central"), Permissions.UPDATE,
                Resources.TASK, eastTask.getId())).as("the old grant is in place").isTrue();

        engineAuthorizations.run(null);

        assertThat(authorizations.isUserAuthorized("sam.ops", List.of(Roles.SALES_OPS),
                ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, "leadRouting")).isFalse();
        assertThat(authorizations.isUserAuthorized("sam.ops", List.of(Roles.SALES_OPS),
                ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "leadRouting")).isTrue();
        assertThat(authorizations.isUserAuthorized(centralRep, List.of("central"), Permissions.UPDATE,
                Resources.TASK, eastTask.getId())).isFalse();
        assertThat(authorizations.isUserAuthorized(centralRep, List.of("central"), Permissions.READ,
                Resources.TASK, eastTask.getId())).isTrue();
        assertThat(authorizations.isUserAuthorized(eastTask.getAssignee(), List.of("east"),
                TaskPermissions.TASK_WORK, Resources.TASK, eastTask.getId())).as("the owner still works it").isTrue();
        Filter upgraded = filters.getFilter(filterId(EngineAuthorizations.MY_TEAMS_LEADS));
        assertThat(((TaskQueryImpl) upgraded.getQuery()).getExpressions()).containsKey("taskCandidateUser");
        assertThat(filters.createFilterQuery().filterName(EngineAuthorizations.MY_TEAMS_LEADS).count()).isOne();
    }

    @Test
    void cockpitAndAdminAreClosedToReps() {
        String rep = eastRepOtherThan(eastTask.getAssignee());

        assertThat(new WebappSession("http://localhost:" + port).login("cockpit", rep, "demo")).isEqualTo(403);
        assertThat(new WebappSession("http://localhost:" + port).login("admin", rep, "demo")).isEqualTo(403);
        assertThat(new WebappSession("http://localhost:" + port).login("cockpit", "admin", "admin")).isEqualTo(200);
    }

    @Test
    void opsUseCockpitButNotAdmin() {
        if (identity.createUserQuery().userId("olga.ops").count() == 0) {
            org.camunda.bpm.engine.identity.User olga = identity.newUser("olga.ops");
            olga.setPassword("Olga-ops-1");
            identity.saveUser(olga);
            identity.createMembership("olga.ops", Roles.OPS);
        }
        WebappSession cockpit = new WebappSession("http://localhost:" + port);

        assertThat(cockpit.login("cockpit", "olga.ops", "Olga-ops-1")).isEqualTo(200);
        assertThat(cockpit.get("/camunda/api/engine/engine/default/process-definition?key=leadRouting").body())
                .contains("leadRouting");
        HttpResponse<String> variables = cockpit.get("/camunda/api/engine/engine/default/process-instance/"
                + eastTask.getProcessInstanceId() + "/variables");
        assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
        assertThat(variables.body()).as("ops read a lead's variables in Cockpit").contains(eastLead);
        assertThat(new WebappSession("http://localhost:" + port).login("admin", "olga.ops", "Olga-ops-1"))
                .isEqualTo(403);
        assertThat(new WebappSession("http://localhost:" + port).login("tasklist", "olga.ops", "Olga-ops-1"))
                .isEqualTo(403);
    }

    /**
     * Managers and sales ops open Cockpit for Lead Router's ops dashboard (a plugin reading /api),
     * and nothing more of the engine's there: no lead process instance, a manager none of its
     * variables (she would read every team's leads), no delete, no Admin app.
     */
    @Test
    void managersAndSalesOpsOpenCockpitWithoutItsInstancesOrAdminPowers() {
        for (String user : List.of(eastManager(), "sam.ops")) {
            WebappSession cockpit = new WebappSession("http://localhost:" + port);
            assertThat(cockpit.login("cockpit", user, "demo")).as(user + " in Cockpit").isEqualTo(200);

            assertThat(cockpit.get("/camunda/api/admin/auth/user/default").body()).as(user + "'s apps")
                    .contains("\"cockpit\"").doesNotContain("\"admin\"");
            assertThat(cockpit.get("/camunda/api/engine/engine/default/process-definition?key=leadRouting").body())
                    .as("the lead process's definition").contains("leadRouting");
            assertThat(cockpit.get("/camunda/api/engine/engine/default/process-instance?processDefinitionKey=leadRouting")
                    .body()).as("no lead process instance").isEqualTo("[]");
            if (!user.equals("sam.ops")) {
                // sales ops read every lead's variables already (Tasklist's cards), a manager none through the engine
                HttpResponse<String> variables = cockpit.get("/camunda/api/engine/engine/default/process-instance/"
                        + eastTask.getProcessInstanceId() + "/variables");
                assertThat(variables.statusCode()).as(variables.body()).isEqualTo(403);
                assertThat(variables.body()).doesNotContain(eastLead);
            }
            HttpResponse<String> deleted = cockpit.delete("/camunda/api/engine/engine/default/process-instance/"
                    + eastTask.getProcessInstanceId());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(403);
            assertThat(new WebappSession("http://localhost:" + port).login("admin", user, "demo")).as(user + " in Admin")
                    .isEqualTo(403);
        }
        assertThat(tasks.createTaskQuery().taskId(eastTask.getId()).count()).as("the lead is still there").isOne();
    }

    @Test
    void firstAdminSetupIsClosed() {
        WebappSession admin = new WebappSession("http://localhost:" + port);
        admin.get("/camunda/app/admin/default/setup/");

        HttpResponse<String> setup = admin.postJson("/camunda/api/admin/setup/default/user/create", """
                {"profile": {"id": "mallory", "firstName": "M", "lastName": "M", "email": "m@example.com"},
                 "credentials": {"password": "Mallory-123!"}}""");

        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(setup.body()).contains("first-admin setup is closed");
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
    }

    private String eastManager() {
        return identity.createUserQuery().memberOfGroup("managers").list().stream()
                .filter(user -> identity.createUserQuery().userId(user.getId()).memberOfGroup("east").count() > 0)
                .findFirst().orElseThrow().getId();
    }

    private void sharing(String team, boolean share) {
        transaction.executeWithoutResult(status -> teams.findById(team).orElseThrow().shareLeads(share));
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    private String eastRepOtherThan(String userId) {
        return reps.findByTeamIdOrderById("east").stream().map(Rep::getId)
                .filter(id -> !id.equals(userId))
                .findFirst().orElseThrow();
    }

    /**
     * What the engine itself says the user may see: tasks they or their groups are candidates of
     * (assigned or not) and their own.
     */
    private Set<String> tasksOfGroupsOrAssignedTo(String userId) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        Set<String> expected = new HashSet<>();
        tasks.createTaskQuery().processDefinitionKey("leadRouting").taskAssignee(userId).list()
                .forEach(task -> expected.add(task.getId()));
        tasks.createTaskQuery().processDefinitionKey("leadRouting").taskCandidateGroupIn(groups)
                .includeAssignedTasks().list().forEach(task -> expected.add(task.getId()));
        tasks.createTaskQuery().processDefinitionKey("leadRouting").taskCandidateUser(userId)
                .includeAssignedTasks().list().forEach(task -> expected.add(task.getId()));
        return expected;
    }

    private static Set<String> ids(JsonNode tasks) {
        Set<String> ids = new HashSet<>();
        tasks.forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String lead(String state) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"email": "cio@authz-%s.com", "company": "Authz %s", "country": "US", "state": "%s",
                 "industry": "software", "employees": 900, "annualRevenue": 80000000,
                 "product": "GTX Plus Pro", "source": "Reference"}""".formatted(id, id, state);
    }
}
