package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Sales ops choose the rep of a lead routing found nobody for from a list, as Tasklist submits
 * the form ({@code POST /engine-rest/task/{id}/submit-form} as {@code sam.ops}): the list
 * ({@code repChoices}) names each rep's availability and load, the lead's team first; a name
 * typed instead of a user id, an inactive rep, or an unavailable rep without the override is a
 * form error (400) naming the problem, never a 500, and the task stays open; the override gives
 * the lead to the unavailable rep and the timeline records it.
 */
@IntegrationTest
class ChooseRepFromListTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepRepository reps;
    @Autowired
    TransactionTemplate transaction;

    private static boolean warmedUp;

    private final ObjectMapper json = new ObjectMapper();
    private String leadId;
    private Task assign;
    private TestRestTemplate salesOps;

    @BeforeEach
    void theWholeWestTeamIsAwayAndALeadWaitsForSalesOps() {
        driver.setAvailability("west", false);
        leadId = driver.submitLead(LeadRoutingEndToEndTest.californiaLead());
        driver.runJobs();
        assign = driver.taskOf(leadId);
        assertThat(assign.getTaskDefinitionKey()).isEqualTo("AssignLeadManually");
        salesOps = driver.as("sam.ops", "demo");
        if (!warmedUp) {
            // the first POST of a cold server can outlast the request body's grace on a busy machine
            // (web/RequestBodyGuard answers it with a 500): one that does not count comes first
            post("/engine-rest/task", "{\"processDefinitionKey\": \"leadRouting\"}");
            warmedUp = true;
        }
        // as Tasklist's Claim does (its own tests: TaskOwnershipTest); the assignment listener lists the reps anew
        tasks.claim(assign.getId(), "sam.ops");
    }

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
    }

    @Test
    void theFormListsTheLeadsTeamFirstWithAvailabilityAndLoadThenTheOtherTeams() throws Exception {
        List<JsonNode> choices = repChoices();

        List<Rep> west = reps.findByTeamIdOrderById("west");
        assertThat(choices).hasSizeGreaterThan(west.size());
        assertThat(choices.subList(0, west.size())).extracting(choice -> choice.get("value").asText())
                .containsExactlyInAnyOrderElementsOf(west.stream().map(Rep::getId).toList());
        Rep first = reps.findById(choices.get(0).get("value").asText()).orElseThrow();
        assertThat(choices.get(0).get("label").asText())
                .startsWith(first.getName() + " - marked unavailable")
                .contains("override needed")
                .containsPattern(" - \\d+ open");
        JsonNode anna = choices.stream().filter(choice -> choice.get("value").asText().equals("anna.snelling"))
                .findFirst().orElseThrow();
        assertThat(anna.get("label").asText()).startsWith("Anna Snelling (").contains(") - available")
                .doesNotContain("override needed");
    }

    @Test
    void aTypedNameIsAFormErrorNamingTheProblemNotAServerError() {
        ResponseEntity<String> refused = submit("Anna Snelling", false);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("There is no rep with user id 'Anna Snelling'");
        assertThat(driver.taskOf(leadId).getId()).as("the task stays open").isEqualTo(assign.getId());
    }

    @Test
    void anInactiveRepIsAFormError() {
        Rep inactive = reps.findById("anna.snelling").orElseThrow();
        transaction.executeWithoutResult(status -> reps.findById(inactive.getId()).orElseThrow().setActive(false));
        try {
            ResponseEntity<String> refused = submit(inactive.getId(), false);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("Anna Snelling is inactive");
            assertThat(driver.taskOf(leadId).getId()).isEqualTo(assign.getId());
        } finally {
            transaction.executeWithoutResult(status -> reps.findById(inactive.getId()).orElseThrow().setActive(true));
        }
    }

    @Test
    void anUnavailableRepNeedsTheOverrideWhichTheTimelineRecords() {
        String westRep = reps.findByTeamIdOrderById("west").get(0).getId();

        ResponseEntity<String> refused = submit(westRep, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("is marked unavailable").contains("tick the override");
        assertThat(driver.taskOf(leadId).getId()).isEqualTo(assign.getId());

        ResponseEntity<String> overridden = submit(westRep, true);
        assertThat(overridden.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode lead = driver.lead(leadId);
        assertThat(lead.get("owner").asText()).isEqualTo(westRep);
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo(westRep);
        JsonNode events = driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class)
                .get("events");
        assertThat(events.findValuesAsText("type")).containsSubsequence("NO_REP_FOUND", "ASSIGNED_BY_HAND",
                "AVAILABILITY_OVERRIDDEN");
        JsonNode override = events.get(events.size() - 1);
        assertThat(override.get("actor").asText()).isEqualTo("sam.ops");
        assertThat(override.get("rep").asText()).isEqualTo(westRep);
        assertThat(override.get("summary").asText()).contains("although they are marked unavailable");
        assertThat(tasks.getVariables(work.getId())).as("the override is on record, not left in the process")
                .doesNotContainKey("overrideAvailability");
    }

    @Test
    void anAvailableRepNeedsNoOverrideAndTheTimelineRecordsNone() {
        ResponseEntity<String> assigned = submit("anna.snelling", false);

        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(driver.lead(leadId).get("owner").asText()).isEqualTo("anna.snelling");
        JsonNode events = driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class)
                .get("events");
        assertThat(events.findValuesAsText("type")).contains("ASSIGNED_BY_HAND").doesNotContain("AVAILABILITY_OVERRIDDEN");
        assertThat(driver.taskOf(leadId).getDueDate()).as("the rep's response clock runs")
                .isNotNull();
    }

    @Test
    void theTaskIsDueAtItsDeadlineForTheQueueToSortBy() {
        assertThat(assign.getDueDate()).isNotNull();
        // the deadline timer is made a moment before its task
        assertThat(Duration.between(assign.getCreateTime().toInstant(), assign.getDueDate().toInstant()))
                .isBetween(Duration.ofHours(1).minusSeconds(5), Duration.ofHours(1));
    }

    private List<JsonNode> repChoices() throws Exception {
        ResponseEntity<String> variable = salesOps.getForEntity("/engine-rest/task/" + assign.getId()
                + "/localVariables/repChoices?deserializeValue=false", String.class);
        assertThat(variable.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode value = json.readTree(json.readTree(variable.getBody()).get("value").asText());
        List<JsonNode> choices = new java.util.ArrayList<>();
        value.forEach(choices::add);
        return choices;
    }

    private ResponseEntity<String> submit(String owner, boolean override) {
        Map<String, Object> variables = Map.of(
                "owner", Map.of("value", owner, "type", "String"),
                "overrideAvailability", Map.of("value", override, "type", "Boolean"));
        try {
            return post("/engine-rest/task/" + assign.getId() + "/submit-form",
                    json.writeValueAsString(Map.of("variables", variables)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return salesOps.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
