package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.engine.Identities;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.security.Roles;

/**
 * A contacted lead, in follow-up, is reassigned through Lead Router ({@code POST
 * /api/leads/{id}/reassign}, "Reassignment requested" on Follow up lead): the follow-up task moves
 * to the new rep with its follow-up date and reminder, the owner, credit and timeline move, and no
 * response clock starts (the lead was responded to). Only sales ops, admins and the manager of
 * the lead's rep may; another manager of the same team is refused, a manager of another team
 * does not find the lead. Time is the engine clock, in the past, so no other test's timer fires.
 */
@IntegrationTest
class FollowUpReassignmentTest {

    private static final Instant BASE = Instant.parse("2024-06-03T10:00:00Z");
    private static final Instant FOLLOW_UP = Instant.parse("2024-06-06T00:00:00Z");
    private static final String PASSWORD = "reassign-test";

    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    Identities identities;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    LeadRepository leads;
    @Autowired
    LeadTimeline timeline;
    @Autowired
    ResponseClockRepository clocks;
    @Autowired
    JdbcTemplate jdbc;

    private String team;
    private String manager;
    private String ann;
    private String bob;

    @BeforeEach
    void aTeamOfTwoRepsAndTheirManager() {
        manager = "boss." + System.nanoTime();
        team = fixture.team(manager, "ann", "bob");
        ann = SlaFixture.repId("ann", team);
        bob = SlaFixture.repId("bob", team);
        identities.createGroupIfMissing(team, "Test team " + team, "WORKFLOW");
        driver.ensureUser(manager, PASSWORD, Roles.MANAGERS, team);
        driver.ensureUser(ann, PASSWORD, team);
        driver.ensureUser(bob, PASSWORD, team);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void theRepsManagerHandsAFollowUpToAnotherRepWithItsDateAndWithoutANewResponseClock() {
        String lead = contactedLeadOf(ann);
        Task followUp = driver.taskOf(lead);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getAssignee()).isEqualTo(ann);

        ResponseEntity<JsonNode> answer = reassign(lead, manager, bob, "Ann moves to enterprise accounts");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("owner").asText()).isEqualTo(bob);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("CONTACTED");
        Lead moved = leads.require(lead);
        assertThat(moved.getOwnerId()).isEqualTo(bob);
        assertThat(moved.getStatus()).as("still in follow-up").isEqualTo(LeadStatus.CONTACTED);
        assertThat(moved.getFollowUpAt()).isEqualTo(FOLLOW_UP);
        assertThat(moved.getSlaMet()).as("ann's response stays the lead's response").isTrue();
        Task handed = driver.taskOf(lead);
        assertThat(handed.getId()).isNotEqualTo(followUp.getId());
        assertThat(handed.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(handed.getAssignee()).isEqualTo(bob);
        assertThat(handed.getFollowUpDate()).isEqualTo(Date.from(FOLLOW_UP));
        assertThat(tasks.createTaskQuery().taskId(followUp.getId()).count()).as("ann's task is gone").isZero();
        assertThat(followUpReminderDue(lead)).as("the reminder is bob's now, on the same date").isEqualTo(FOLLOW_UP);
        assertThat(clocks.findByLeadIdOrderByAssignedAt(lead)).as("no response clock for a contacted lead")
                .extracting(ResponseClock::getRepId, ResponseClock::getResult)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ann, ResponseClock.Result.MET));
        assertThat(timeline.of(moved)).last().satisfies(event -> {
            assertThat(event.getType()).isEqualTo(LeadEventType.REASSIGNED_BY_HAND);
            assertThat(event.getRep()).isEqualTo(bob);
            assertThat(event.getActor()).isEqualTo(manager);
            assertThat(event.getSummary()).contains("ann Test", "bob Test", "Ann moves to enterprise accounts");
        });

        // bob follows it up and wins it: the credit is his
        tasks.complete(handed.getId(), Map.of("outcome", "CONVERTED", "dealValue", 900));

        Lead won = leads.require(lead);
        assertThat(won.getStatus()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(won.getOwnerId()).isEqualTo(bob);
        assertThat(jdbc.queryForObject("select count(*) from leads where owner_id = ? and outcome = 'CONVERTED'",
                Long.class, ann)).isZero();
    }

    @Test
    void anotherManagerOfTheTeamIsRefusedAManagerOfAnotherTeamFindsNothingSalesOpsMay() {
        String lead = contactedLeadOf(ann);
        String colleague = "colleague." + System.nanoTime();
        driver.ensureUser(colleague, PASSWORD, Roles.MANAGERS, team);
        String stranger = "stranger." + System.nanoTime();
        String otherTeam = fixture.team(stranger, "cy");
        identities.createGroupIfMissing(otherTeam, "Test team " + otherTeam, "WORKFLOW");
        driver.ensureUser(stranger, PASSWORD, Roles.MANAGERS, otherTeam);

        ResponseEntity<JsonNode> byColleague = reassign(lead, colleague, bob, "not mine");
        ResponseEntity<JsonNode> byStranger = reassign(lead, stranger, bob, "not my team");
        ResponseEntity<JsonNode> toAnotherTeam = reassign(lead, manager, SlaFixture.repId("cy", otherTeam),
                "not my rep");
        ResponseEntity<JsonNode> byTheRep = reassign(lead, ann, bob, "too busy");

        assertThat(byColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byColleague.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(byStranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(toAnotherTeam.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byTheRep.getStatusCode()).as("not even the rep who has it").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(driver.taskOf(lead).getAssignee()).isEqualTo(ann);
        assertThat(leads.require(lead).getOwnerId()).isEqualTo(ann);

        ResponseEntity<JsonNode> bySalesOps = send(driver.as("sam.ops", "demo"), lead, bob, "territory change");

        assertThat(bySalesOps.getStatusCode()).as(String.valueOf(bySalesOps.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(driver.taskOf(lead).getAssignee()).isEqualTo(bob);
    }

    @Test
    void aClosedLeadIsNoLongerReassigned() {
        String lead = contactedLeadOf(ann);
        tasks.complete(driver.taskOf(lead).getId(), Map.of("outcome", "LOST", "lostReason", "PRICE"));

        ResponseEntity<JsonNode> late = reassign(lead, manager, bob, "too late");

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(late.getBody().get("detail").asText()).contains("LOST");
    }

    /** A lead routed to the rep at {@link #BASE} and contacted an hour later, to follow up on {@link #FOLLOW_UP}. */
    private String contactedLeadOf(String rep) {
        fixture.setClock(BASE);
        String lead = fixture.lead("WARM");
        fixture.routeAndStart(lead, team);
        if (!rep.equals(leads.require(lead).getOwnerId())) {
            // round-robin gave it to the other rep: the next one is the rep's
            lead = fixture.lead("WARM");
            fixture.routeAndStart(lead, team);
        }
        assertThat(leads.require(lead).getOwnerId()).isEqualTo(rep);
        fixture.setClock(BASE.plusSeconds(3600));
        tasks.complete(driver.taskOf(lead).getId(), Map.of("outcome", "CONTACTED", "followUpAt", "2024-06-06"));
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.CONTACTED);
        return lead;
    }

    private Instant followUpReminderDue(String lead) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey("leadRouting")
                .processInstanceBusinessKey(lead).singleResult();
        List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("FollowUpDue").list();
        assertThat(timers).hasSize(1);
        return timers.get(0).getDuedate().toInstant();
    }

    private ResponseEntity<JsonNode> reassign(String lead, String user, String to, String reason) {
        return send(driver.as(user, PASSWORD), lead, to, reason);
    }

    private static ResponseEntity<JsonNode> send(TestRestTemplate client, String lead, String to, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity("/api/leads/" + lead + "/reassign",
                new HttpEntity<>("{\"to\": \"" + to + "\", \"reason\": \"" + reason + "\"}", headers), JsonNode.class);
    }
}
