package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.RepChoices;

/**
 * A manager hands an escalated lead to a rep picked from the escalation form's list, as Tasklist
 * submits the form ({@code POST /engine-rest/task/{id}/submit-form} as the manager): the lead
 * goes to that rep's Work lead with a fresh response clock, through Lead Router's reassignment;
 * a missing reason or an unknown rep is a form error and the task stays with the manager.
 */
@IntegrationTest
class HandEscalatedLeadToRepTest {

    private static final String MANAGER = "celia.rouche";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    RepChoices choices;

    private final ObjectMapper json = new ObjectMapper();
    private String leadId;
    private Task handle;
    private TestRestTemplate manager;

    @BeforeEach
    void aLeadNobodyAnsweredIsEscalatedToTheManager() {
        String team = fixture.team(MANAGER, "solo");
        leadId = fixture.lead("HOT");
        fixture.routeAndStart(leadId, team);
        fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
        driver.runJobs();
        handle = driver.taskOf(leadId);
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(handle.getAssignee()).isEqualTo(MANAGER);
        manager = driver.as(MANAGER, "demo");
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void theManagerHandsTheLeadToARepFromTheListWhoGetsAFreshClock() {
        RepChoices.Choice rep = availableCentralRep();

        ResponseEntity<String> handed = submit(Map.of(
                "outcome", Map.of("value", "HAND_TO_REP", "type", "String"),
                "handTo", Map.of("value", rep.repId(), "type", "String"),
                "handOverReason", Map.of("value", "Knows the account", "type", "String")));

        assertThat(handed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode lead = driver.lead(leadId);
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(lead.get("owner").asText()).isEqualTo(rep.repId());
        assertThat(lead.get("routing").get("reason").asText())
                .startsWith("Reassigned by " + MANAGER).endsWith("Knows the account");
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo(rep.repId());
        assertThat(work.getDueDate().toInstant()).as("a fresh response clock").isAfter(fixture.now());
        JsonNode events = driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class)
                .get("events");
        assertThat(events.findValuesAsText("type")).endsWith("ESCALATED", "REASSIGNED_BY_HAND");
    }

    @Test
    void withoutAReasonOrWithAnUnknownRepTheTaskStaysWithTheManager() {
        ResponseEntity<String> noReason = submit(Map.of(
                "outcome", Map.of("value", "HAND_TO_REP", "type", "String"),
                "handTo", Map.of("value", availableCentralRep().repId(), "type", "String")));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).contains("A reason is needed");

        ResponseEntity<String> unknown = submit(Map.of(
                "outcome", Map.of("value", "HAND_TO_REP", "type", "String"),
                "handTo", Map.of("value", "Anna Snelling", "type", "String"),
                "handOverReason", Map.of("value", "Knows the account", "type", "String")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("There is no rep with user id 'Anna Snelling'");

        assertThat(driver.taskOf(leadId).getId()).isEqualTo(handle.getId());
        assertThat(driver.lead(leadId).get("status").asText()).isEqualTo("ESCALATED");
    }

    private RepChoices.Choice availableCentralRep() {
        return choices.forLeadOf(null).stream()
                .filter(choice -> !choice.needsOverride() && choice.teamId().equals("central")).findFirst()
                .orElseThrow();
    }

    private ResponseEntity<String> submit(Map<String, Object> variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return manager.postForEntity("/engine-rest/task/" + handle.getId() + "/submit-form",
                    new HttpEntity<>(json.writeValueAsString(Map.of("variables", variables)), headers), String.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
