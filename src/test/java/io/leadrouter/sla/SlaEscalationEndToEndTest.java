package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Speed to lead through the whole application: a HOT lead posted to the API, the engine clock
 * moved past each deadline and the due timer jobs run, as the job executor would.
 */
@IntegrationTest
class SlaEscalationEndToEndTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    TaskService tasks;
    @Autowired
    RepRepository reps;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
        driver.allRepsAvailable();
    }

    @Test
    void hotLeadNobodyAnswersGoesToTwoMoreRepsOfTheTeamAndThenToTheManager() {
        fixture.setClock(newYork("2024-03-05T10:00"));
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("tier").asText()).isEqualTo("HOT");
        assertThat(lead.get("team").asText()).isEqualTo("east");
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(Instant.parse(lead.get("slaDueAt").asText())).isEqualTo(newYork("2024-03-05T10:15"));
        assertThat(lead.get("routingDelaySeconds").asLong()).isZero();
        assertThat(lead.has("slaMet")).as("not known yet").isFalse();
        List<String> owners = new ArrayList<>(List.of(lead.get("owner").asText()));
        Task first = driver.taskOf(id);
        assertThat(first.getAssignee()).isEqualTo(owners.get(0));
        assertThat(first.getDueDate().toInstant()).isEqualTo(newYork("2024-03-05T10:15"));

        // the reminder at three quarters: the rep keeps the lead
        fixture.setClock(newYork("2024-03-05T10:12"));
        driver.runJobs();
        assertThat(driver.taskOf(id).getId()).isEqualTo(first.getId());
        assertThat(driver.lead(id).get("owner").asText()).isEqualTo(owners.get(0));

        // two breaches: each takes the lead to a rep of the team who has not had it
        for (int breach = 1; breach <= 2; breach++) {
            passDeadline(id);
            JsonNode reassigned = driver.lead(id);
            String owner = reassigned.get("owner").asText();
            assertThat(owners).doesNotContain(owner);
            assertThat(reps.findById(owner).map(Rep::getTeamId)).contains("east");
            assertThat(reassigned.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(reassigned.get("reassignments").asInt()).isEqualTo(breach);
            assertThat(reassigned.get("slaMet").asBoolean()).isFalse();
            assertThat(reassigned.get("routing").get("reason").asText())
                .startsWith("Reassigned after the response SLA was breached: Round-robin in team east");
            Task work = driver.taskOf(id);
            assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
            assertThat(work.getAssignee()).isEqualTo(owner);
            assertThat(work.getDueDate().toInstant()).as("a fresh 15 minutes for the new rep")
                .isEqualTo(fixture.now().plus(Duration.ofMinutes(15)));
            owners.add(owner);
        }

        // the third breach: the reassignments are used up, the last rep's manager gets the lead
        passDeadline(id);
        JsonNode escalated = driver.lead(id);
        String manager = reps.findById(owners.get(2)).orElseThrow().getManagerId();
        assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.has("owner")).isFalse();
        assertThat(escalated.get("escalatedTo").asText()).isEqualTo(manager);
        assertThat(escalated.get("routing").get("reason").asText()).startsWith("Escalated to ")
            .contains("reassigned 2 times, the most allowed");
        Task handle = driver.taskOf(id);
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(handle.getAssignee()).isEqualTo(manager);
        assertThat(driver.candidateUsers(handle)).as("the team's managers read it").contains(manager);
        assertThat(driver.candidateGroups(handle)).as("a manager is named: no other group may claim it").isEmpty();

        // the timeline tells every step, in order; the explanation holds the routing decisions only
        JsonNode timeline = driver.admin().getForObject("/api/leads/" + id + "/timeline", JsonNode.class)
            .get("events");
        assertThat(timeline.findValuesAsText("type")).containsExactly("RECEIVED", "ROUTED", "REMINDED", "SLA_BREACHED",
            "REASSIGNED_AFTER_BREACH", "REMINDED", "SLA_BREACHED", "REASSIGNED_AFTER_BREACH", "REMINDED",
            "SLA_BREACHED", "ESCALATED");
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)).extracting(event -> timeline.get(event).get("rep").asText())
            .containsExactly(owners.get(0), owners.get(0), owners.get(0), owners.get(1), owners.get(1), owners.get(1),
                owners.get(2), owners.get(2), owners.get(2));
        assertThat(timeline.get(10).get("rep").asText()).isEqualTo(manager);
        assertThat(timeline.get(2).get("summary").asText()).startsWith("Reminder: ")
            .contains("has until Tue 5 Mar 10:15 EST to respond");
        assertThat(timeline.get(3).get("summary").asText()).startsWith("Response SLA breached: ")
            .contains("did not respond by Tue 5 Mar 10:15 EST", "HOT lead: 15 minutes of business time");
        assertThat(timeline.get(10).get("summary").asText()).isEqualTo(escalated.get("routing").get("reason").asText());
        assertThat(timeline.findValuesAsText("at")).extracting(Instant::parse).isSorted();
        JsonNode decisions = driver.admin().getForObject("/api/leads/" + id + "/routing", JsonNode.class)
            .get("decisions");
        assertThat(decisions.findValuesAsText("strategy")).containsExactly("round-robin", "round-robin", "round-robin");
        assertThat(decisions.findValuesAsText("chosenRep")).containsExactlyElementsOf(owners);
        assertThat(decisions.get(2).get("candidates").findValuesAsText("reason"))
            .filteredOn("had this lead before"::equals).hasSize(2);

        // the manager handles it: the lead got its first response, late
        fixture.setClock(fixture.now().plus(Duration.ofMinutes(30)));
        driver.complete(handle, Map.of("outcome", "CONVERTED", "dealValue", 1200, "outcomeNote", "Called them myself"));
        JsonNode handled = driver.lead(id);
        assertThat(handled.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(handled.get("slaMet").asBoolean()).isFalse();
        assertThat(Instant.parse(handled.get("firstResponseAt").asText())).isEqualTo(fixture.now());
        assertThat(handled.get("repDelaySeconds").asLong())
            .isEqualTo(Duration.between(newYork("2024-03-05T10:00"), fixture.now()).getSeconds());
        assertThat(driver.taskOf(id)).isNull();
        JsonNode outcome = driver.admin().getForObject("/api/leads/" + id + "/timeline", JsonNode.class)
            .get("events").get(11);
        assertThat(outcome.get("type").asText()).isEqualTo("OUTCOME_RECORDED");
        assertThat(outcome.get("rep").asText()).isEqualTo(manager);
        assertThat(outcome.get("summary").asText()).isEqualTo("Outcome CONVERTED, deal value 1,200.00: Called them myself");
    }

    @Test
    void repWhoRespondsInTimeMeetsTheSlaAndTheDelaysAreMeasured() {
        fixture.setClock(newYork("2024-03-05T11:00"));
        String id = fixture.postHotNewYorkLead();
        fixture.setClock(newYork("2024-03-05T11:00:20"));
        driver.runJobs();
        Task work = driver.taskOf(id);

        fixture.setClock(newYork("2024-03-05T11:05:20"));
        driver.complete(work, Map.of("outcome", "CONTACTED"));

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("CONTACTED");
        assertThat(lead.get("slaMet").asBoolean()).isTrue();
        assertThat(lead.get("routingDelaySeconds").asLong()).isEqualTo(20);
        assertThat(lead.get("repDelaySeconds").asLong()).isEqualTo(300);
        assertThat(lead.get("reassignments").asInt()).isZero();

        // nothing fires afterwards: the timers went with the task
        fixture.setClock(newYork("2024-03-06T11:00"));
        driver.runJobs();
        assertThat(driver.lead(id).get("owner").asText()).isEqualTo(work.getAssignee());
    }

    @Test
    void hotLeadArrivingFridayEveningInNewYorkIsDueMondayMorningAfterTheClocksChange() {
        // Friday 8 March 2024, 17:55 EST; clocks spring forward on Sunday
        fixture.setClock(newYork("2024-03-08T17:55"));
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).as("nobody works now, the lead still gets a rep").isEqualTo("ASSIGNED");
        assertThat(Instant.parse(lead.get("slaDueAt").asText())).isEqualTo(newYork("2024-03-11T09:15"))
            .isEqualTo(Instant.parse("2024-03-11T13:15:00Z"));
        assertThat(driver.taskOf(id).getDueDate().toInstant()).isEqualTo(newYork("2024-03-11T09:15"));

        // the weekend passes without a reminder or a breach
        fixture.setClock(newYork("2024-03-11T09:00"));
        driver.runJobs();
        assertThat(driver.lead(id).get("reassignments").asInt()).isZero();
        assertThat(driver.lead(id).get("owner").asText()).isEqualTo(lead.get("owner").asText());
    }

    @Test
    void repsSeeTheirHotLeadsFirstThenTheMostUrgentInTasklist() {
        JsonNode filters = driver.as("violet.mclelland", "demo").getForObject("/engine-rest/filter?name=My leads",
            JsonNode.class);

        assertThat(filters).hasSize(1);
        JsonNode sorting = filters.get(0).get("query").get("sorting");
        assertThat(sorting.get(0).get("sortBy").asText()).as("the tier's priority").isEqualTo("priority");
        assertThat(sorting.get(0).get("sortOrder").asText()).isEqualTo("desc");
        assertThat(sorting.get(1).get("sortBy").asText()).as("then the response deadline").isEqualTo("dueDate");
        assertThat(sorting.get(1).get("sortOrder").asText()).isEqualTo("asc");
    }

    /** Moves the engine clock just past the lead's deadline and runs what is due. */
    private void passDeadline(String leadId) {
        fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
        driver.runJobs();
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
