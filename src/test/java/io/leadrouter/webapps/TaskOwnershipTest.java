package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.routing.RoutingDecisionRepository;
import io.leadrouter.security.Roles;
import io.leadrouter.sla.ResponseClock;
import io.leadrouter.sla.ResponseClockRepository;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.TeamRepository;

/**
 * Only the owner works a lead's task (Camunda authorizations, {@link OwnedTaskAuthorizations}):
 * over {@code /engine-rest} as real users, a teammate who may read the lead (team east shares its
 * leads here) cannot take, unassign, reassign, delegate, complete or rewrite it, and the owner
 * cannot hand it off; every such call answers 403 and changes nothing. Reassigning goes through
 * {@code POST /api/leads/{id}/reassign}, which moves the lead, its clock and its task.
 */
@IntegrationTest
class TaskOwnershipTest {

    private static final String COMPLETE = "{\"variables\": {\"outcome\": {\"value\": \"CONVERTED\", \"type\": \"String\"}, "
            + "\"dealValue\": {\"value\": 1200}}}";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    RepRepository reps;
    @Autowired
    TeamRepository teams;
    @Autowired
    LeadRepository leads;
    @Autowired
    ResponseClockRepository clocks;
    @Autowired
    RoutingDecisionRepository decisions;
    @Autowired
    LeadTimeline timeline;
    @Autowired
    TransactionTemplate transaction;

    private String leadId;
    private Task task;
    private String owner;
    private String teammate;

    @BeforeEach
    void eastSharesItsLeadsAndOneIsAssigned() {
        sharing("east", true);
        leadId = driver.submitLead(newYorkLead());
        driver.runJobs();
        task = driver.taskOf(leadId);
        owner = task.getAssignee();
        teammate = eastRepOtherThan(owner);
        assertThat(leads.require(leadId).getOwnerId()).isEqualTo(owner);
    }

    @AfterEach
    void eastStopsSharing() {
        sharing("east", false);
    }

    @Test
    void aTeammateReadsButCannotTakeUnassignReassignCloseOrRewriteAColleaguesLead() {
        TestRestTemplate rep = driver.as(teammate, "demo");
        String path = "/engine-rest/task/" + task.getId();

        assertThat(rep.getForEntity(path, String.class).getStatusCode()).as("the team shares: they see it")
                .isEqualTo(HttpStatus.OK);
        assertForbidden(rep, HttpMethod.GET, path + "/variables", null);
        assertForbidden(rep, HttpMethod.GET, path + "/form-variables", null);
        assertForbidden(rep, HttpMethod.POST, path + "/claim", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/unclaim", "{}");
        assertForbidden(rep, HttpMethod.POST, path + "/assignee", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/assignee", "{\"userId\": null}");
        assertForbidden(rep, HttpMethod.POST, path + "/assignee", "{\"userId\": \"violet.mclelland\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/delegate", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/complete", COMPLETE);
        assertForbidden(rep, HttpMethod.POST, path + "/submit-form", COMPLETE);
        assertForbidden(rep, HttpMethod.POST, path + "/identity-links",
                "{\"userId\": \"" + teammate + "\", \"type\": \"candidate\"}");
        assertForbidden(rep, HttpMethod.PUT, path + "/variables/owner", "{\"value\": \"" + teammate + "\", \"type\": \"String\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/variables",
                "{\"modifications\": {\"outcome\": {\"value\": \"LOST\", \"type\": \"String\"}}}");
        assertForbidden(rep, HttpMethod.PUT, path + "/localVariables/outcome", "{\"value\": \"LOST\", \"type\": \"String\"}");
        assertForbidden(rep, HttpMethod.PUT, "/engine-rest/process-instance/" + task.getProcessInstanceId()
                + "/variables/owner", "{\"value\": \"" + teammate + "\", \"type\": \"String\"}");
        assertForbidden(rep, HttpMethod.PUT, "/engine-rest/execution/" + task.getExecutionId()
                + "/localVariables/leadId", "{\"value\": \"another-lead\", \"type\": \"String\"}");

        assertUnchanged();
    }

    @Test
    void theOwnerTheTeamsManagersAndSalesOpsReadTheLeadsDataTheTeamDoesNot() {
        String email = leads.require(leadId).getEmail();
        String path = "/engine-rest/task/" + task.getId() + "/variables";

        for (String reader : List.of(owner, managerOf("east"), "sam.ops")) {
            ResponseEntity<String> variables = driver.as(reader, "demo").getForEntity(path, String.class);
            assertThat(variables.getStatusCode()).as(reader + ": " + variables.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(variables.getBody()).as(reader).contains(email);
        }
        ResponseEntity<String> teammateReads = driver.as(teammate, "demo").getForEntity(path, String.class);
        assertThat(teammateReads.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teammateReads.getBody()).doesNotContain(email);
        assertThat(driver.as(managerOf("west"), "demo").getForEntity("/engine-rest/task/" + task.getId(), String.class)
                .getStatusCode()).as("another team's manager").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theOwnerWorksTheirLeadButCannotHandItOffOrRewriteIt() {
        TestRestTemplate rep = driver.as(owner, "demo");
        String path = "/engine-rest/task/" + task.getId();

        assertForbidden(rep, HttpMethod.POST, path + "/unclaim", "{}");
        assertForbidden(rep, HttpMethod.POST, path + "/claim", "{\"userId\": null}");
        assertForbidden(rep, HttpMethod.POST, path + "/claim", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/assignee", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/assignee", "{\"userId\": null}");
        assertForbidden(rep, HttpMethod.POST, path + "/delegate", "{\"userId\": \"" + teammate + "\"}");
        assertForbidden(rep, HttpMethod.POST, path + "/identity-links",
                "{\"userId\": \"" + teammate + "\", \"type\": \"candidate\"}");
        assertForbidden(rep, HttpMethod.PUT, path + "/variables/leadId", "{\"value\": \"another-lead\", \"type\": \"String\"}");
        assertForbidden(rep, HttpMethod.PUT, "/engine-rest/process-instance/" + task.getProcessInstanceId()
                + "/variables/owner", "{\"value\": \"" + teammate + "\", \"type\": \"String\"}");
        assertUnchanged();

        ResponseEntity<String> complete = send(rep, HttpMethod.POST, path + "/complete", COMPLETE);

        assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(leads.require(leadId).getStatus()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(leads.require(leadId).getOwnerId()).isEqualTo(owner);
    }

    @Test
    void completingWithAnotherLeadsIdRecordsTheOutcomeOnThisLeadOnly() {
        String otherLead = driver.submitLead(newYorkLead());
        driver.runJobs();

        ResponseEntity<String> complete = send(driver.as(owner, "demo"), HttpMethod.POST,
                "/engine-rest/task/" + task.getId() + "/complete", """
                        {"variables": {"outcome": {"value": "LOST", "type": "String"},
                                       "lostReason": {"value": "PRICE", "type": "String"},
                                       "leadId": {"value": "%s", "type": "String"}}}""".formatted(otherLead));

        assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(leads.require(leadId).getStatus()).isEqualTo(LeadStatus.LOST);
        assertThat(leads.require(otherLead).getStatus()).isEqualTo(LeadStatus.ASSIGNED);
    }

    @Test
    void completingWithAnOutcomeThatIsNoneAnswers400AndCompletesNothing() {
        String path = "/engine-rest/task/" + task.getId() + "/complete";
        TestRestTemplate rep = driver.as(owner, "demo");

        for (String variables : List.of(
                "{\"outcome\": {\"value\": \"WON-BIG\", \"type\": \"String\"}}",
                "{\"outcome\": {\"value\": 42, \"type\": \"Integer\"}}",
                "{\"outcome\": {\"value\": \"LOST\", \"type\": \"String\"}, "
                        + "\"outcomeNote\": {\"value\": \"" + "x".repeat(4001) + "\", \"type\": \"String\"}}")) {
            ResponseEntity<String> complete = send(rep, HttpMethod.POST, path, "{\"variables\": " + variables + "}");

            assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertUnchanged();
    }

    @Test
    void salesOpsCannotReassignThroughEngineRestButThroughLeadRouter() {
        String newRep = eastRepOtherThan(owner);
        String path = "/engine-rest/task/" + task.getId();
        TestRestTemplate ops = driver.as("sam.ops", "demo");

        assertThat(ops.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertForbidden(ops, HttpMethod.POST, path + "/assignee", "{\"userId\": \"" + newRep + "\"}");
        assertForbidden(ops, HttpMethod.POST, path + "/unclaim", "{}");
        assertForbidden(ops, HttpMethod.POST, path + "/complete", COMPLETE);
        assertUnchanged();

        ResponseEntity<String> reassigned = reassign("sam.ops", newRep, "Customer asked for a Spanish speaker");

        assertThat(reassigned.getStatusCode()).as(reassigned.getBody()).isEqualTo(HttpStatus.OK);
        Lead lead = leads.require(leadId);
        assertThat(lead.getOwnerId()).isEqualTo(newRep);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.ASSIGNED);
        assertThat(lead.getReassignments()).as("a reassignment by hand is no breach").isZero();
        Task newTask = driver.taskOf(leadId);
        assertThat(newTask.getId()).isNotEqualTo(task.getId());
        assertThat(newTask.getAssignee()).isEqualTo(newRep);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(runtime.getVariables(newTask.getProcessInstanceId()))
                .as("Cockpit names who chose the rep").containsEntry("strategy", "reassigned-by-hand")
                .containsEntry("owner", newRep);
        List<ResponseClock> leadClocks = clocks.findByLeadIdOrderByAssignedAt(leadId);
        assertThat(leadClocks).extracting(ResponseClock::getRepId, ResponseClock::getResult).containsExactly(
                org.assertj.core.groups.Tuple.tuple(owner, ResponseClock.Result.REASSIGNED),
                org.assertj.core.groups.Tuple.tuple(newRep, ResponseClock.Result.OPEN));
        assertThat(newTask.getDueDate().toInstant()).isEqualTo(leadClocks.get(1).getDueAt());
        assertThat(decisions.findByLeadIdOrderByDecidedAt(leadId)).last()
                .satisfies(decision -> {
                    assertThat(decision.getChosenRep()).isEqualTo(newRep);
                    assertThat(decision.getSummary()).contains("sam.ops", "Customer asked for a Spanish speaker",
                            reps.findById(owner).orElseThrow().getName(),
                            reps.findById(newRep).orElseThrow().getName());
                    assertThat(timeline.of(lead)).last().satisfies(event -> {
                        assertThat(event.getType()).isEqualTo(LeadEventType.REASSIGNED_BY_HAND);
                        assertThat(event.getRep()).isEqualTo(newRep);
                        assertThat(event.getActor()).isEqualTo("sam.ops");
                        assertThat(event.getSummary()).isEqualTo(decision.getSummary());
                    });
                });

        ResponseEntity<String> oldRepCompletes = send(driver.as(owner, "demo"), HttpMethod.POST,
                "/engine-rest/task/" + newTask.getId() + "/complete", COMPLETE);
        assertThat(oldRepCompletes.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> newRepCompletes = send(driver.as(newRep, "demo"), HttpMethod.POST,
                "/engine-rest/task/" + newTask.getId() + "/complete", COMPLETE);
        assertThat(newRepCompletes.getStatusCode()).as(newRepCompletes.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(leads.require(leadId).getStatus()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    void theManagerOfTheLeadsRepReassignsToTheirOwnRepsOthersMayNot() {
        String ownersManager = reps.findById(owner).orElseThrow().getManagerId();
        String otherEastManager = driver.managersOf("east").stream().filter(m -> !m.equals(ownersManager))
                .findFirst().orElseThrow();
        String newRep = reps.findByTeamIdOrderById("east").stream().filter(Rep::isActive)
                .filter(rep -> ownersManager.equals(rep.getManagerId())).map(Rep::getId)
                .filter(id -> !id.equals(owner)).findFirst().orElseThrow();
        String otherManagersRep = reps.findByTeamIdOrderById("east").stream().filter(Rep::isActive)
                .filter(rep -> otherEastManager.equals(rep.getManagerId())).map(Rep::getId).findFirst().orElseThrow();

        assertThat(reassign(owner, newRep, "too busy").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reassign(teammate, teammate, "mine now").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reassign(managerOf("west"), newRep, "not my team").getStatusCode())
                .as("a lead the manager may not read is not found, as everywhere in /api").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reassign(otherEastManager, newRep, "not my rep").getStatusCode())
                .as("another manager of east reads the lead but it is not their rep's").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reassign(ownersManager, westRep(), "out of my reps").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(reassign(ownersManager, otherManagersRep, "same team, not my rep").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertUnchanged();

        ResponseEntity<String> byManager = reassign(ownersManager, newRep, "covers the account");

        assertThat(byManager.getStatusCode()).as(byManager.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(leads.require(leadId).getOwnerId()).isEqualTo(newRep);
        assertThat(driver.taskOf(leadId).getAssignee()).isEqualTo(newRep);
    }

    @Test
    void badReassignmentsAnswerProblemsAndChangeNothing() {
        ResponseEntity<String> unknownRep = reassign("sam.ops", "no.such.rep", "why not");
        ResponseEntity<String> sameRep = reassign("sam.ops", owner, "again");
        ResponseEntity<String> noReason = send(driver.as("sam.ops", "demo"), HttpMethod.POST,
                "/api/leads/" + leadId + "/reassign", "{\"to\": \"" + teammate + "\"}");
        ResponseEntity<String> unknownLead = send(driver.as("sam.ops", "demo"), HttpMethod.POST,
                "/api/leads/" + UUID.randomUUID() + "/reassign", "{\"to\": \"" + teammate + "\", \"reason\": \"x\"}");
        setActive(teammate, false);
        ResponseEntity<String> inactiveRep;
        try {
            inactiveRep = reassign("sam.ops", teammate, "on leave");
        } finally {
            setActive(teammate, true);
        }

        for (ResponseEntity<String> bad : List.of(unknownRep, sameRep, noReason, inactiveRep)) {
            assertThat(bad.getStatusCode()).as(bad.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(unknownRep.getBody()).contains("no.such.rep");
        assertThat(inactiveRep.getBody()).contains("inactive");
        assertThat(unknownLead.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertUnchanged();

        send(driver.as(owner, "demo"), HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", COMPLETE);
        ResponseEntity<String> closedLead = reassign("sam.ops", teammate, "too late");
        assertThat(closedLead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(closedLead.getBody()).contains("CONVERTED");
    }

    @Test
    void anEscalatedLeadWithoutANamedManagerIsClaimedByOneManagerAndThenTheirsAlone() {
        String escalatedLead = UUID.randomUUID().toString();
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("leadId", escalatedLead);
        variables.put("team", "east");
        variables.put("manager", null);
        String instance = runtime.createProcessInstanceByKey("leadRouting").businessKey(escalatedLead)
                .startBeforeActivity("HandleEscalatedLead").setVariables(variables).execute().getId();
        try {
            Task escalated = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            String path = "/engine-rest/task/" + escalated.getId();
            List<String> eastManagers = driver.managersOf("east");
            String first = eastManagers.get(0);
            String other = managerOf("west");
            assertThat(escalated.getAssignee()).isNull();

            assertForbidden(driver.as(teammate, "demo"), HttpMethod.POST, path + "/claim",
                    "{\"userId\": \"" + teammate + "\"}");
            assertForbidden(driver.as(first, "demo"), HttpMethod.POST, path + "/claim",
                    "{\"userId\": \"" + other + "\"}");
            ResponseEntity<String> claimed = send(driver.as(first, "demo"), HttpMethod.POST, path + "/claim",
                    "{\"userId\": \"" + first + "\"}");
            assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

            assertForbidden(driver.as(other, "demo"), HttpMethod.POST, path + "/claim", "{\"userId\": \"" + other + "\"}");
            assertForbidden(driver.as(other, "demo"), HttpMethod.POST, path + "/complete", COMPLETE);
            assertForbidden(driver.as(first, "demo"), HttpMethod.POST, path + "/unclaim", "{}");
            assertThat(tasks.createTaskQuery().taskId(escalated.getId()).singleResult().getAssignee()).isEqualTo(first);
            assertThat(driver.as(other, "demo").getForEntity(path, String.class).getStatusCode())
                    .as("the other managers still read it").isEqualTo(HttpStatus.OK);
        } finally {
            runtime.deleteProcessInstance(instance, "test done");
        }
    }

    private void assertUnchanged() {
        Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(now).as("the task is still there").isNotNull();
        assertThat(now.getAssignee()).isEqualTo(owner);
        assertThat(now.getDueDate()).isEqualTo(task.getDueDate());
        assertThat(tasks.getIdentityLinksForTask(task.getId())).noneMatch(link -> teammate.equals(link.getUserId()));
        assertThat(runtime.getVariables(task.getProcessInstanceId())).containsEntry("leadId", leadId)
                .containsEntry("owner", owner).doesNotContainKey("outcome");
        Lead lead = leads.require(leadId);
        assertThat(lead.getOwnerId()).isEqualTo(owner);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.ASSIGNED);
    }

    private void assertForbidden(TestRestTemplate user, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = send(user, method, path, body);
        assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("AuthorizationException");
    }

    private ResponseEntity<String> reassign(String user, String to, String reason) {
        return send(driver.as(user, "demo"), HttpMethod.POST, "/api/leads/" + leadId + "/reassign",
                "{\"to\": \"" + to + "\", \"reason\": \"" + reason + "\"}");
    }

    private static ResponseEntity<String> send(TestRestTemplate user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return user.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private void sharing(String team, boolean share) {
        transaction.executeWithoutResult(status -> teams.findById(team).orElseThrow().shareLeads(share));
    }

    private void setActive(String repId, boolean active) {
        transaction.executeWithoutResult(status -> reps.findById(repId).orElseThrow().setActive(active));
    }

    /** An active east rep who is neither the given user, the owner nor the teammate (when known). */
    private String eastRepOtherThan(String userId) {
        return reps.findByTeamIdOrderById("east").stream().filter(Rep::isActive).map(Rep::getId)
                .filter(id -> !id.equals(userId) && !id.equals(owner) && !id.equals(teammate))
                .findFirst().orElseThrow();
    }

    private String westRep() {
        return reps.findByTeamIdOrderById("west").get(0).getId();
    }

    private String managerOf(String team) {
        return identity.createUserQuery().memberOfGroup(Roles.MANAGERS).list().stream()
                .filter(user -> identity.createUserQuery().userId(user.getId()).memberOfGroup(team).count() > 0)
                .findFirst().orElseThrow().getId();
    }

    private static String newYorkLead() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"email": "cio@owned-%s.com", "company": "Owned %s", "country": "US", "state": "NY",
                 "industry": "software", "employees": 900, "annualRevenue": 80000000,
                 "product": "GTX Plus Pro", "source": "Reference"}""".formatted(id, id);
    }
}
