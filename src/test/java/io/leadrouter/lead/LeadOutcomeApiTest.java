package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
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
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.LeadRouting;
import io.leadrouter.routing.RuleSource;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * {@code POST /api/leads/{id}/outcome} (and by external id): who may record a lead's outcome,
 * idempotency, the rules for each field, conflicts, and a completion in Tasklist racing the API.
 * The leads are posted to the API and routed by the real process to a rep of team west; the
 * outcome then goes the way Tasklist's does, through the lead's task.
 */
@IntegrationTest
class LeadOutcomeApiTest {

    private static final String CRM_USER = "outcome-crm";
    private static final String OPS_USER = "outcome-ops";
    private static final String PASSWORD = "Outcome-Password-2026";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadRouting routing;
    @Autowired
    LeadLifecycle lifecycle;

    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void users() {
        driver.ensureUser(CRM_USER, PASSWORD, Roles.INTAKE);
        driver.ensureUser(OPS_USER, PASSWORD, Roles.OPS);
    }

    @AfterEach
    void cleanUp() {
        for (String lead : created) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
        }
        created.clear();
    }

    @Test
    void theOwnerTheTeamsManagersSalesOpsAdminsAndTheSubmitterRecordAnOutcome() {
        String managerOfWest = driver.managersOf("west").get(0);
        String byOwner = routedLead("admin", "admin");
        String owner = driver.lead(byOwner).get("owner").asText();
        List<String[]> recorders = List.of(
                new String[] {byOwner, owner, "demo"},
                new String[] {routedLead("admin", "admin"), managerOfWest, "demo"},
                new String[] {routedLead("admin", "admin"), "sam.ops", "demo"},
                new String[] {routedLead("admin", "admin"), "admin", "admin"},
                new String[] {routedLead(CRM_USER, PASSWORD), CRM_USER, PASSWORD});

        for (String[] recorder : recorders) {
            ResponseEntity<JsonNode> answer = post(as(recorder[1], recorder[2]), recorder[0],
                    "{\"outcome\": \"CONTACTED\", \"note\": \"Reached by phone\"}");

            assertThat(answer.getStatusCode()).as(recorder[1]).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().get("status").asText()).isEqualTo("CONTACTED");
            assertThat(answer.getBody().get("outcomeNote").asText()).isEqualTo("Reached by phone");
            JsonNode recorded = events(recorder[0], "OUTCOME_RECORDED").get(0);
            assertThat(recorded.get("actor").asText()).as("the timeline names who recorded it").isEqualTo(recorder[1]);
            assertThat(driver.taskOf(recorder[0]).getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        }
    }

    @Test
    void whoMayReadButNotWorkTheLeadIsForbiddenAndEveryoneElseFindsNoLead() {
        String lead = routedLead("admin", "admin");
        String owner = driver.lead(lead).get("owner").asText();
        String teammate = reps.findByTeamIdOrderById("west").stream().map(Rep::getId)
                .filter(id -> !id.equals(owner)).findFirst().orElseThrow();
        String body = "{\"outcome\": \"CONVERTED\", \"dealValue\": 100}";

        for (String[] stranger : List.of(new String[] {teammate, "demo"}, new String[] {"anna.snelling", "demo"},
                new String[] {driver.managersOf("central").get(0), "demo"}, new String[] {OPS_USER, PASSWORD})) {
            ResponseEntity<JsonNode> answer = post(as(stranger[0], stranger[1]), lead, body);
            assertThat(answer.getStatusCode()).as(stranger[0]).isEqualTo(HttpStatus.NOT_FOUND);
            assertProblem(answer);
            assertThat(answer.getBody().get("detail").asText()).isEqualTo("No lead with id '" + lead + "'");
        }
        share("west", true);
        try {
            ResponseEntity<JsonNode> readsButMayNotWork = post(as(teammate, "demo"), lead, body);
            assertThat(readsButMayNotWork.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertProblem(readsButMayNotWork);
            assertThat(readsButMayNotWork.getBody().get("detail").asText()).isEqualTo(LeadOutcomes.WHO_RECORDS + ".");
        } finally {
            share("west", false);
        }

        assertThat(driver.lead(lead).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(events(lead, "OUTCOME_RECORDED")).isEmpty();
    }

    @Test
    void theSameOutcomeAgainChangesNothingAndAnotherOneOnAClosedLeadIsAConflict() {
        String lead = routedLead("admin", "admin");
        String owner = driver.lead(lead).get("owner").asText();
        List<Integer> before = deals(owner);

        ResponseEntity<JsonNode> converted = post(driver.admin(), lead,
                "{\"outcome\": \"CONVERTED\", \"dealValue\": 1200, \"note\": \"Signed\"}");
        ResponseEntity<JsonNode> again = post(driver.admin(), lead,
                "{\"outcome\": \"CONVERTED\", \"dealValue\": 999, \"note\": \"Signed, I think\"}");
        ResponseEntity<JsonNode> lost = post(driver.admin(), lead, "{\"outcome\": \"LOST\", \"lostReason\": \"PRICE\"}");

        assertThat(converted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(converted.getBody().get("status").asText()).isEqualTo("CONVERTED");
        assertThat(converted.getBody().get("dealValue").decimalValue()).isEqualByComparingTo("1200");
        assertThat(converted.getBody().hasNonNull("closedAt")).isTrue();
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("dealValue").decimalValue()).as("the first one stands").isEqualByComparingTo("1200");
        assertThat(again.getBody().get("outcomeNote").asText()).isEqualTo("Signed");
        assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertProblem(lost);
        assertThat(lost.getBody().get("detail").asText()).contains("is closed as CONVERTED");
        assertThat(events(lead, "OUTCOME_RECORDED")).hasSize(1);
        assertThat(deals(owner)).as("one won deal").containsExactly(before.get(0) + 1, before.get(1));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).count()).isZero();
    }

    @Test
    void contactedFromTheCrmGoesToFollowUpAndContactedAgainChangesNothing() {
        String lead = routedLead("admin", "admin");
        String owner = driver.lead(lead).get("owner").asText();

        ResponseEntity<JsonNode> contacted = post(as(owner, "demo"), lead,
                "{\"outcome\": \"CONTACTED\", \"followUpAt\": \"2099-01-05T17:00:00Z\"}");
        Task followUp = driver.taskOf(lead);
        int eventsAfterContact = events(lead, null).size();
        ResponseEntity<JsonNode> again = post(as(owner, "demo"), lead,
                "{\"outcome\": \"CONTACTED\", \"followUpAt\": \"2099-02-01\"}");

        assertThat(contacted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(contacted.getBody().get("followUpAt").asText()).isEqualTo("2099-01-05T17:00:00Z");
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getAssignee()).isEqualTo(owner);
        assertThat(followUp.getFollowUpDate().toInstant()).hasToString("2099-01-05T17:00:00Z");
        assertThat(runtime.getVariables(followUp.getProcessInstanceId()))
                .as("what the API sent is not stored with the process")
                .doesNotContainKeys("outcome", "outcomeNote", "followUpAt", "recordedBy");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("followUpAt").asText()).isEqualTo("2099-01-05T17:00:00Z");
        assertThat(events(lead, null)).hasSize(eventsAfterContact);
        assertThat(driver.taskOf(lead).getId()).isEqualTo(followUp.getId());

        ResponseEntity<JsonNode> lost = post(as(owner, "demo"), lead,
                "{\"outcome\": \"LOST\", \"lostReason\": \"NO_RESPONSE\", \"note\": \"Gone quiet\"}");

        assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lost.getBody().get("status").asText()).isEqualTo("LOST");
        assertThat(lost.getBody().get("lostReason").asText()).isEqualTo("NO_RESPONSE");
        assertThat(lost.getBody().has("followUpAt")).isFalse();
        assertThat(driver.taskOf(lead)).isNull();
        assertThat(events(lead, "OUTCOME_RECORDED")).extracting(event -> event.get("summary").asText())
                .containsExactly("Outcome CONTACTED", "Outcome LOST (NO_RESPONSE: Stopped responding): Gone quiet");
    }

    @Test
    void theOwnerMovesTheFollowUpDateInTasklistsTaskHeaderAndTheReminderMovesWithIt() throws Exception {
        String lead = routedLead("admin", "admin");
        String owner = driver.lead(lead).get("owner").asText();
        post(as(owner, "demo"), lead, "{\"outcome\": \"CONTACTED\", \"followUpAt\": \"2099-01-05T17:00:00Z\"}");
        Task followUp = driver.taskOf(lead);

        // as Tasklist's header saves it: the task as read, with the new follow-up date
        String path = "/engine-rest/task/" + followUp.getId();
        ObjectNode task = (ObjectNode) as(owner, "demo").getForObject(path, JsonNode.class);
        task.put("followUp", "2099-02-01T10:00:00.000+0000");
        ResponseEntity<String> saved = as(owner, "demo").exchange(path, HttpMethod.PUT, json(task.toString()),
                String.class);

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Instant moved = Instant.parse("2099-02-01T10:00:00Z");
        assertThat(management.createJobQuery().processInstanceId(followUp.getProcessInstanceId()).timers()
                .activityId("FollowUpDue").singleResult().getDuedate().toInstant()).isEqualTo(moved);
        assertThat(Instant.parse(driver.lead(lead).get("followUpAt").asText())).isEqualTo(moved);
        JsonNode last = events(lead, "FOLLOW_UP_SCHEDULED").get(1);
        assertThat(last.get("summary").asText()).startsWith("Follow-up moved to Sun 1 Feb");
        assertThat(last.get("actor").asText()).isEqualTo(owner);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String lead = routedLead("admin", "admin");
        Map<String, String> badBodies = Map.ofEntries(
                Map.entry("{\"outcome\": \"WON\"}", "outcome"),
                Map.entry("{}", "outcome"),
                Map.entry("{\"outcome\": 5}", "outcome"),
                Map.entry("{\"outcome\": \"CONVERTED\"}", "dealValue"),
                Map.entry("{\"outcome\": \"CONVERTED\", \"dealValue\": -1}", "dealValue"),
                Map.entry("{\"outcome\": \"CONVERTED\", \"dealValue\": \"lots\"}", "dealValue"),
                Map.entry("{\"outcome\": \"CONVERTED\", \"dealValue\": 1.234}", "dealValue"),
                Map.entry("{\"outcome\": \"LOST\"}", "lostReason"),
                Map.entry("{\"outcome\": \"LOST\", \"lostReason\": \"Too pricey\"}", "lostReason"),
                Map.entry("{\"outcome\": \"CONTACTED\", \"followUpAt\": \"next week\"}", "followUpAt"),
                Map.entry("{\"outcome\": \"CONTACTED\", \"followUpAt\": \"2000-01-01\"}", "followUpAt"),
                Map.entry("{\"outcome\": \"CONTACTED\", \"amount\": 5}", "amount"),
                Map.entry("{\"outcome\": \"CONTACTED\", \"note\": \"" + "x".repeat(4001) + "\"}", "note"),
                Map.entry("[\"CONVERTED\"]", "body"));

        badBodies.forEach((body, field) -> {
            ResponseEntity<JsonNode> answer = post(driver.admin(), lead, body);
            String what = body.length() > 80 ? body.substring(0, 80) : body;
            assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
            assertProblem(answer);
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(what).containsExactly(field);
        });
        assertThat(post(driver.admin(), lead, "{\"outcome\": \"LOST\", \"lostReason\": \"Too pricey\"}").getBody()
                .get("errors").get(0).get("message").asText()).contains("PRICE", "COMPETITOR", "OTHER");

        assertThat(driver.lead(lead).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(events(lead, null)).extracting(event -> event.get("type").asText())
                .containsExactly("RECEIVED", "ROUTED");
        assertThat(driver.taskOf(lead).getTaskDefinitionKey()).isEqualTo("WorkLead");
    }

    @Test
    void aLeadNotWithARepYetHasNoOutcomeToRecord() {
        String lead = postedLead("admin", "admin");

        ResponseEntity<JsonNode> answer = post(driver.admin(), lead, "{\"outcome\": \"CONTACTED\"}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertProblem(answer);
        assertThat(answer.getBody().get("detail").asText()).contains("is RECEIVED: it is not with a rep yet");
        assertThat(driver.lead(lead).get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void byExternalIdTheSameRulesApply() {
        String externalId = "crm-" + UUID.randomUUID();
        String lead = routedLead("admin", "admin", externalId);

        ResponseEntity<JsonNode> converted = driver.admin().postForEntity("/api/leads/outcome?externalId=" + externalId,
                json("{\"outcome\": \"CONVERTED\", \"dealValue\": \"2500.75\"}"), JsonNode.class);
        ResponseEntity<JsonNode> unknown = driver.admin().postForEntity("/api/leads/outcome?externalId=no-such-" + externalId,
                json("{\"outcome\": \"CONVERTED\", \"dealValue\": 1}"), JsonNode.class);
        ResponseEntity<JsonNode> notReadable = as("anna.snelling", "demo").postForEntity(
                "/api/leads/outcome?externalId=" + externalId, json("{\"outcome\": \"LOST\"}"), JsonNode.class);
        ResponseEntity<JsonNode> noExternalId = driver.admin().postForEntity("/api/leads/outcome",
                json("{\"outcome\": \"LOST\"}"), JsonNode.class);

        assertThat(converted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(converted.getBody().get("id").asText()).isEqualTo(lead);
        assertThat(converted.getBody().get("dealValue").decimalValue()).isEqualByComparingTo("2500.75");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("No lead with external id 'no-such-" + externalId + "'");
        assertThat(notReadable.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noExternalId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        for (ResponseEntity<JsonNode> refused : List.of(unknown, notReadable, noExternalId)) {
            assertProblem(refused);
        }
    }

    @Test
    void theLostReasonsAreTheModelersList() {
        ResponseEntity<JsonNode> reasons = as("anna.snelling", "demo").getForEntity("/api/lost-reasons", JsonNode.class);

        assertThat(reasons.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reasons.getBody().findValuesAsText("value"))
                .containsExactly("PRICE", "COMPETITOR", "TIMING", "NO_RESPONSE", "NO_FIT", "OTHER");
        assertThat(reasons.getBody().get(0).get("label").asText()).isEqualTo("Price or budget");
    }

    @Test
    void aReasonAModelerAddsIsOfferedAndAcceptedAtOnce() throws Exception {
        String table;
        try (InputStream in = getClass().getResourceAsStream("/lost-reasons.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withBudgetFrozen = table.replace("    </decisionTable>", """
                      <rule id="lostReasons_budgetFrozen">
                        <outputEntry id="lostReasons_budgetFrozen_value"><text>"BUDGET_FROZEN"</text></outputEntry>
                        <outputEntry id="lostReasons_budgetFrozen_label"><text>"Budget frozen"</text></outputEntry>
                      </rule>
                    </decisionTable>""");
        String lead = routedLead("admin", "admin");
        String deployment = repository.createDeployment().name("a modeler's edit")
                .addString("lost-reasons.dmn", withBudgetFrozen).deploy().getId();
        try {
            assertThat(driver.admin().getForObject("/api/lost-reasons", JsonNode.class).findValuesAsText("value"))
                    .endsWith("OTHER", "BUDGET_FROZEN");

            ResponseEntity<JsonNode> lost = post(driver.admin(), lead,
                    "{\"outcome\": \"LOST\", \"lostReason\": \"BUDGET_FROZEN\"}");

            assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(lost.getBody().get("lostReason").asText()).isEqualTo("BUDGET_FROZEN");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(driver.admin().getForObject("/api/lost-reasons", JsonNode.class).findValuesAsText("value"))
                .doesNotContain("BUDGET_FROZEN");
    }

    @Test
    void aLeadContactedBeforeFollowUpExistedGetsItsOutcomeWithoutATask() {
        // as lead-routing.bpmn up to version 5 left a contacted lead: CONTACTED, its process ended
        String lead = postedLead("admin", "admin");
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "ended at first contact"));
        LeadRouting.Outcome routed = routing.route(new LeadRouting.Command(lead, "round-robin", List.of(), "west", null,
                new RuleSource("Test rule", "routingRules", 1)));
        lifecycle.recordOutcome(lead, OutcomeReport.of(LeadOutcome.CONTACTED), routed.owner(), null);
        List<Integer> before = deals(routed.owner());

        ResponseEntity<JsonNode> converted = post(as("sam.ops", "demo"), lead,
                "{\"outcome\": \"CONVERTED\", \"dealValue\": 10}");

        assertThat(converted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(converted.getBody().get("status").asText()).isEqualTo("CONVERTED");
        assertThat(events(lead, "OUTCOME_RECORDED")).extracting(event -> event.get("actor").asText())
                .containsExactly(routed.owner(), "sam.ops");
        assertThat(deals(routed.owner())).containsExactly(before.get(0) + 1, before.get(1));
    }

    @Test
    void aCompletionInTasklistRacingTheApiRecordsOneOutcome() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                boolean sameOutcome = round % 2 == 0;
                String lead = routedLead("admin", "admin");
                String owner = driver.lead(lead).get("owner").asText();
                List<Integer> before = deals(owner);
                Task work = driver.taskOf(lead);
                CyclicBarrier start = new CyclicBarrier(2);

                Future<Boolean> tasklist = pool.submit(() -> {
                    start.await();
                    try {
                        tasks.complete(work.getId(), Map.of("outcome", "CONVERTED", "dealValue", 500));
                        return true;
                    } catch (RuntimeException lostTheRace) {
                        return false;
                    }
                });
                Future<ResponseEntity<JsonNode>> api = pool.submit(() -> {
                    start.await();
                    return post(driver.admin(), lead, sameOutcome ? "{\"outcome\": \"CONVERTED\", \"dealValue\": 500}"
                            : "{\"outcome\": \"LOST\", \"lostReason\": \"TIMING\"}");
                });
                boolean tasklistRecorded = tasklist.get(1, TimeUnit.MINUTES);
                ResponseEntity<JsonNode> answer = api.get(1, TimeUnit.MINUTES);

                String status = driver.lead(lead).get("status").asText();
                assertThat(events(lead, "OUTCOME_RECORDED")).as("round %d", round).hasSize(1);
                List<Integer> after = deals(owner);
                assertThat(after.get(0) + after.get(1)).as("counted once").isEqualTo(before.get(0) + before.get(1) + 1);
                if (sameOutcome) {
                    assertThat(answer.getStatusCode()).as("round %d", round).isEqualTo(HttpStatus.OK);
                    assertThat(status).isEqualTo("CONVERTED");
                } else if (answer.getStatusCode() == HttpStatus.OK) {
                    assertThat(tasklistRecorded).isFalse();
                    assertThat(status).isEqualTo("LOST");
                } else {
                    assertThat(answer.getStatusCode()).as("round %d: %s", round, answer.getBody())
                            .isEqualTo(HttpStatus.CONFLICT);
                    assertThat(answer.getBody().get("detail").asText()).contains("CONVERTED");
                    assertThat(tasklistRecorded).isTrue();
                    assertThat(status).isEqualTo("CONVERTED");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        // the API first, Tasklist a moment later: the rep's form finds the task gone and changes nothing
        String lead = routedLead("admin", "admin");
        Task work = driver.taskOf(lead);
        assertThat(post(driver.admin(), lead, "{\"outcome\": \"LOST\", \"lostReason\": \"TIMING\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> tasks.complete(work.getId(), Map.of("outcome", "CONVERTED", "dealValue", 500)))
                .hasMessageContaining(work.getId());
        assertThat(driver.lead(lead).get("status").asText()).isEqualTo("LOST");
        assertThat(events(lead, "OUTCOME_RECORDED")).hasSize(1);
    }

    // --- helpers

    private TestRestTemplate as(String user, String password) {
        return driver.as(user, password);
    }

    private ResponseEntity<JsonNode> post(TestRestTemplate client, String lead, String body) {
        return client.exchange("/api/leads/" + lead + "/outcome", HttpMethod.POST, json(body), JsonNode.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** A new lead from California (team west) posted by that user; routing waits for the jobs. */
    private String postedLead(String user, String password) {
        return postedLead(user, password, "outcome-" + UUID.randomUUID());
    }

    private String postedLead(String user, String password, String externalId) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> posted = as(user, password).postForEntity("/api/leads", json("""
                {"externalId": "%s", "firstName": "Olive", "lastName": "Outcome", "email": "olive@outcome-%s.com",
                 "phone": "+14155550123", "company": "Outcome %s Inc", "country": "US", "state": "CA",
                 "industry": "technology", "employees": 2500, "annualRevenue": 250000000, "product": "GTX Pro",
                 "source": "Reference"}"""
                .formatted(externalId, unique, unique)), JsonNode.class);
        assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = posted.getBody().get("id").asText();
        created.add(id);
        return id;
    }

    /** A new lead posted by that user and routed: waiting at Work lead with a rep of west. */
    private String routedLead(String user, String password) {
        return routedLead(user, password, "outcome-" + UUID.randomUUID());
    }

    private String routedLead(String user, String password, String externalId) {
        String id = postedLead(user, password, externalId);
        driver.runJobs();
        assertThat(driver.lead(id).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(driver.lead(id).get("team").asText()).isEqualTo("west");
        return id;
    }

    /** The lead's timeline events of that type (all of them for null), in order. */
    private List<JsonNode> events(String lead, String type) {
        List<JsonNode> events = new ArrayList<>();
        driver.admin().getForObject("/api/leads/" + lead + "/timeline", JsonNode.class).get("events").forEach(event -> {
            if (type == null || type.equals(event.get("type").asText())) {
                events.add(event);
            }
        });
        return events;
    }

    /** The rep's won and lost deals over all products. */
    private List<Integer> deals(String rep) {
        return RepDeals.of(jdbc, rep);
    }

    private void share(String team, boolean share) {
        ResponseEntity<JsonNode> changed = as("sam.ops", "demo").exchange("/api/teams/" + team, HttpMethod.PATCH,
                json("{\"shareLeads\": " + share + "}"), JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    }


    private static void assertProblem(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json, not %s", answer.getHeaders().getContentType()).isTrue();
    }
}
