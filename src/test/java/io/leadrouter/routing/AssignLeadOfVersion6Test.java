package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.sla.SlaFixture;

/**
 * A lead still waiting in "Assign lead manually" of lead-routing.bpmn version 6 after an upgrade:
 * its form takes a typed user id, checked by the task's complete listener
 * ({@link AssignLeadManuallyListener}). A name typed instead ("Anna Snelling") is a form error
 * (400) naming the problem, as from version 7 on, not a 500, and the task stays open; a user id
 * still assigns the lead. Version 6 is the current model with that task as it was then: its
 * listeners and no "Assign to chosen rep" after it.
 */
@IntegrationTest
class AssignLeadOfVersion6Test {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SlaFixture fixture;

    private static boolean warmedUp;

    private final ObjectMapper json = new ObjectMapper();
    private String version6;
    private String leadId;
    private Task assign;

    /**
     * Started by the definition's id, not through intake: intake starts the latest version it
     * knows (engine/LatestDefinitions, remembered for a second), which must never be this
     * deployment, gone after the test.
     */
    @BeforeEach
    void aLeadWaitsInVersion6sAssignLeadManually() throws IOException {
        version6 = repository.createDeployment().name("lead-routing as version 6")
                .addString("lead-routing.bpmn", asVersion6()).deploy().getId();
        String definition = repository.createProcessDefinitionQuery().deploymentId(version6).singleResult().getId();
        leadId = fixture.lead("HOT");
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadId", leadId);
        variables.put("team", "west");
        variables.put("routingReason", "No eligible rep in team west");
        runtime.createProcessInstanceById(definition).businessKey(leadId).startBeforeActivity("AssignLeadManually")
                .setVariables(variables).execute();
        assign = driver.taskOf(leadId);
        assertThat(assign.getTaskDefinitionKey()).isEqualTo("AssignLeadManually");
        assertThat(repository.getProcessDefinition(assign.getProcessDefinitionId()).getVersionTag()).isEqualTo("6");
        tasks.claim(assign.getId(), "sam.ops");
        if (!warmedUp) {
            // as in ChooseRepFromListTest: the first POST of a cold server can outlast the request
            // body's grace on a busy machine (a 500 from web/RequestBodyGuard); one that does not count
            post("{\"processDefinitionKey\": \"leadRouting\"}", "/engine-rest/task");
            warmedUp = true;
        }
    }

    @AfterEach
    void backToTheCurrentVersion() {
        fixture.cleanUp();
        repository.deleteDeployment(version6, true);
    }

    @Test
    void aTypedNameIsAFormErrorNamingTheProblemNotAServerError() {
        ResponseEntity<String> refused = submit("Anna Snelling");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("There is no rep with user id 'Anna Snelling'")
                .doesNotContain("exception while invoking the TaskListener");
        assertThat(driver.taskOf(leadId).getId()).as("the task stays open").isEqualTo(assign.getId());
        assertThat(driver.lead(leadId).get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void aTypedUserIdStillAssignsTheLead() {
        ResponseEntity<String> assigned = submit("anna.snelling");

        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(driver.lead(leadId).get("owner").asText()).isEqualTo("anna.snelling");
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo("anna.snelling");
    }

    /** The current model with Assign lead manually as version 6 had it: typed id checked on complete. */
    private String asVersion6() throws IOException {
        String model;
        try (InputStream in = getClass().getResourceAsStream("/lead-routing.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String listeners = """
                        <camunda:taskListener delegateExpression="${showRepChoices}" event="create" />
                        <camunda:taskListener delegateExpression="${showRepChoices}" event="assignment" />
                        <camunda:taskListener delegateExpression="${dueAtDeadline}" event="create" />
                """;
        String flow = "sourceRef=\"AssignLeadManually\" targetRef=\"AssignToChosenRep\"";
        assertThat(model).contains(listeners, flow);
        return model.replaceFirst("camunda:versionTag=\"\\d+\"", "camunda:versionTag=\"6\"")
                .replace(listeners, "        <camunda:taskListener delegateExpression=\"${assignLeadManuallyListener}\" "
                        + "event=\"complete\" />\n")
                .replace(flow, "sourceRef=\"AssignLeadManually\" targetRef=\"OwnerKnownJoin\"");
    }

    private ResponseEntity<String> submit(String owner) {
        try {
            return post(json.writeValueAsString(Map.of("variables",
                    Map.of("owner", Map.of("value", owner, "type", "String")))),
                    "/engine-rest/task/" + assign.getId() + "/submit-form");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> post(String body, String path) {
        TestRestTemplate salesOps = driver.as("sam.ops", "demo");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return salesOps.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
