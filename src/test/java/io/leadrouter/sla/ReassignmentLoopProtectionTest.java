package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

/**
 * Loop protection: a lead never goes back to a rep who had it. In a team of two, the second
 * breach leaves nobody new, so the lead goes to the manager even though reassignments are left.
 */
@IntegrationTest
class ReassignmentLoopProtectionTest {

    private static final String MANAGER = "celia.rouche";

    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;
    @Autowired
    TaskService tasks;
    @Autowired
    ResponseClockRepository clocks;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void inATeamOfTwoTheSecondBreachLeavesNobodyNewAndTheLeadGoesToTheManager() {
        fixture.setClock(Instant.parse("2024-04-02T10:00:00Z"));
        String team = fixture.team(MANAGER, "ann", "bob");
        String leadId = fixture.lead("HOT");
        fixture.routeAndStart(leadId, team);
        String first = leads.require(leadId).getOwnerId();

        passDeadline(leadId);
        String second = leads.require(leadId).getOwnerId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(leads.require(leadId).getReassignments()).isEqualTo(1);

        passDeadline(leadId);

        Lead lead = leads.require(leadId);
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.ESCALATED);
        assertThat(lead.getReassignments()).as("one reassignment was still allowed").isEqualTo(1);
        assertThat(lead.getEscalatedTo()).isEqualTo(MANAGER);
        assertThat(lead.getRoutingReason()).isEqualTo("Escalated to Celia Rouche, manager of " + name(second)
            + ": " + name(second) + " did not respond in time and nobody else in team " + team + " is eligible");
        Task handle = tasks.createTaskQuery().processInstanceBusinessKey(leadId).singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(handle.getAssignee()).isEqualTo(MANAGER);

        JsonNode decisions = driver.admin().getForObject("/api/leads/" + leadId + "/routing", JsonNode.class)
            .get("decisions");
        assertThat(decisions.findValuesAsText("chosenRep")).containsExactly(first, second);
        assertThat(decisions).as("routing decisions only: the escalation is on the timeline").hasSize(3);
        JsonNode lastTry = decisions.get(decisions.size() - 1);
        assertThat(lastTry.get("summary").asText()).startsWith("No reassignment after the response SLA was breached")
            .contains("none of its 2 reps is eligible (2 had this lead before)");
        assertThat(lastTry.get("candidates").findValuesAsText("outcome")).containsOnly("EXCLUDED");
        JsonNode timeline = driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class)
            .get("events");
        assertThat(timeline.findValuesAsText("type")).containsExactly("RECEIVED", "ROUTED", "REMINDED", "SLA_BREACHED",
            "REASSIGNED_AFTER_BREACH", "REMINDED", "SLA_BREACHED", "NO_REP_FOUND", "ESCALATED");
        JsonNode nobodyLeft = timeline.get(timeline.size() - 2);
        JsonNode escalation = timeline.get(timeline.size() - 1);
        assertThat(nobodyLeft.get("summary").asText()).isEqualTo(lastTry.get("summary").asText());
        assertThat(escalation.get("summary").asText()).isEqualTo(lead.getRoutingReason());
        assertThat(escalation.get("rep").asText()).isEqualTo(MANAGER);
        assertThat(clocks.findByLeadIdOrderByAssignedAt(leadId)).extracting(ResponseClock::getRepId,
            ResponseClock::getResult).containsExactly(
                org.assertj.core.groups.Tuple.tuple(first, ResponseClock.Result.BREACHED),
                org.assertj.core.groups.Tuple.tuple(second, ResponseClock.Result.BREACHED));
    }

    private void passDeadline(String leadId) {
        fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
        driver.runJobs();
    }

    private static String name(String repId) {
        return repId.substring(0, repId.indexOf('.')) + " Test";
    }
}
