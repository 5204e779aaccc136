package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.notification.Notification;
import io.leadrouter.notification.NotificationComposer;
import io.leadrouter.notification.NotificationKind;
import io.leadrouter.sla.SlaFixture;

/**
 * A lead lives until its outcome, through the whole application with its real steps: contacted on
 * Work lead, followed up (its history, date and reminder; the date moved in the task as Tasklist's
 * header does), converted or closed by the follow-up window. The response clock stops at the first
 * outcome only, and the final outcome counts once in the rep's conversion rate. Time moves with
 * the engine clock, in the past, so that no other test's timers come due; only this lead's jobs run.
 */
@IntegrationTest
class FollowUpLifecycleTest {

    /** A Monday; the fixture's reps work around the clock in UTC. */
    private static final Instant BASE = Instant.parse("2024-06-03T10:00:00Z");

    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    LeadRepository leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationComposer composer;
    @Autowired
    RepositoryService repository;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void aContactedLeadIsFollowedUpUntilItConvertsAndCountsOnceAsAWin() {
        String rep = SlaFixture.repId("ann", fixture.team("celia.rouche", "ann"));
        String lead = routedLead(rep, "WARM");
        Task work = driver.taskOf(lead);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertLostReasonsOffered(work);

        fixture.setClock(BASE.plus(Duration.ofHours(1)));
        tasks.complete(work.getId(), Map.of("outcome", "CONTACTED", "outcomeNote", "Interested, wants a demo",
                "followUpAt", "2024-06-06"));

        Lead contacted = leads.require(lead);
        assertThat(contacted.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.getClosedAt()).isNull();
        assertThat(contacted.getFirstResponseAt()).isEqualTo(BASE.plus(Duration.ofHours(1)));
        assertThat(contacted.getSlaMet()).isTrue();
        Instant chosenDay = Instant.parse("2024-06-06T00:00:00Z");
        assertThat(contacted.getFollowUpAt()).as("the chosen day, from the start of the rep's working day")
                .isEqualTo(chosenDay);
        Task followUp = driver.taskOf(lead);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getName()).isEqualTo("Follow up lead");
        assertThat(followUp.getAssignee()).isEqualTo(rep);
        assertThat(followUp.getFollowUpDate()).isEqualTo(Date.from(chosenDay));
        assertThat(reminderDue(lead)).isEqualTo(chosenDay);
        assertThat((String) tasks.getVariableLocal(followUp.getId(), "leadHistory"))
                .contains("Outcome CONTACTED: Interested, wants a demo", "Follow up on Thu 6 Jun 00:00 UTC by ann Test")
                .doesNotContain("<");
        assertLostReasonsOffered(followUp);
        assertThat(clock(lead)).containsEntry("RESULT", "MET");

        fixture.setClock(BASE.plus(Duration.ofDays(2)));
        tasks.complete(followUp.getId(), Map.of("outcome", "CONVERTED", "dealValue", 1200.5, "outcomeNote", "Signed"));

        Lead converted = leads.require(lead);
        assertThat(converted.getStatus()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.getOutcome()).isEqualTo(LeadOutcome.CONVERTED);
        assertThat(converted.getDealValue()).isEqualByComparingTo(new BigDecimal("1200.50"));
        assertThat(converted.getClosedAt()).isEqualTo(BASE.plus(Duration.ofDays(2)));
        assertThat(converted.getFollowUpAt()).isNull();
        assertThat(converted.getFirstResponseAt()).as("the response was the first outcome")
                .isEqualTo(BASE.plus(Duration.ofHours(1)));
        assertThat(converted.getSlaMet()).isTrue();
        assertThat(clock(lead)).as("the clock stopped at contact and stays so").containsEntry("RESULT", "MET");
        assertThat(((OffsetDateTime) clock(lead).get("RESPONDED_AT")).toInstant())
                .isEqualTo(BASE.plus(Duration.ofHours(1)));
        assertThat(deals(rep)).as("one won deal, counted at the final outcome").containsExactly(1, 0);
        assertThat(timeline(lead)).extracting(event -> event.get("type").asText()).containsExactly("RECEIVED",
                "ROUTED", "OUTCOME_RECORDED", "FOLLOW_UP_SCHEDULED", "OUTCOME_RECORDED");
        assertThat(timeline(lead).get(4).get("summary").asText())
                .isEqualTo("Outcome CONVERTED, deal value 1,200.50: Signed");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).count()).isZero();
        assertThat(driver.lead(lead).get("dealValue").decimalValue()).isEqualByComparingTo("1200.50");
    }

    @Test
    void stillWorkingSetsTheNextDayAndTheReminderFollowsTheDateSetOnTheTask() {
        String team = fixture.team("celia.rouche", "bo");
        String rep = SlaFixture.repId("bo", team);
        String lead = routedLead(rep, "COLD");
        tasks.complete(driver.taskOf(lead).getId(), Map.of("outcome", "CONTACTED"));
        Task first = driver.taskOf(lead);
        assertThat(first.getFollowUpDate()).as("the model's default: two days later, from the start of the day")
                .isEqualTo(Date.from(Instant.parse("2024-06-05T00:00:00Z")));

        fixture.setClock(BASE.plus(Duration.ofDays(1)));
        tasks.complete(first.getId(), Map.of("outcome", "CONTACTED", "outcomeNote", "Budget call next week",
                "followUpAt", "2024-06-10"));

        Task second = driver.taskOf(lead);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        Instant nextDay = Instant.parse("2024-06-10T00:00:00Z");
        assertThat(reminderDue(lead)).isEqualTo(nextDay);
        Lead stillWorking = leads.require(lead);
        assertThat(stillWorking.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(stillWorking.getFollowUpAt()).isEqualTo(nextDay);
        assertThat(stillWorking.getFirstResponseAt()).isEqualTo(BASE);
        assertThat(deals(rep)).containsExactly(0, 0);
        assertThat(timeline(lead)).extracting(event -> event.get("summary").asText())
                .contains("Followed up, still working: Budget call next week");

        // the rep moves the follow-up date in Tasklist's task header (PUT /task/{id}: saveTask)
        Instant moved = Instant.parse("2024-06-12T15:00:00Z");
        second.setFollowUpDate(Date.from(moved));
        tasks.saveTask(second);

        assertThat(reminderDue(lead)).isEqualTo(moved);
        assertThat(leads.require(lead).getFollowUpAt()).isEqualTo(moved);
        assertThat(timeline(lead).get(timeline(lead).size() - 1).get("summary").asText())
                .isEqualTo("Follow-up moved to Wed 12 Jun 15:00 UTC");

        fixture.setClock(moved.minusSeconds(60));
        driver.runJobsOf(lead);
        assertThat(reminderDue(lead)).as("not before the new date").isEqualTo(moved);
        fixture.setClock(moved.plusSeconds(1));
        driver.runJobsOf(lead);

        assertThat(reminderDue(lead)).as("fired").isNull();
        assertThat(driver.taskOf(lead).getId()).as("the rep keeps the task").isEqualTo(second.getId());
        JsonNode due = timeline(lead).get(timeline(lead).size() - 1);
        assertThat(due.get("type").asText()).isEqualTo("FOLLOW_UP_DUE");
        assertThat(due.get("rep").asText()).isEqualTo(rep);
        Notification reminder = composer.compose(NotificationKind.FOLLOW_UP_DUE, lead, null);
        assertThat(reminder.recipients()).containsExactly("bo@" + team + ".example.com");
        assertThat(reminder.taskOf()).as("links to the task of whoever follows the lead up").isEqualTo(rep);
        assertThat(reminder.subject()).startsWith("Follow up Lee ").contains("due Wed 12 Jun 15:00 UTC");
        assertThat(reminder.text()).contains("Last note: Budget call next week", "Follow up lead task in Tasklist");

        // a new date after the reminder fired: a new reminder, on that date
        Instant later = Instant.parse("2024-06-14T09:00:00Z");
        Task current = driver.taskOf(lead);
        current.setFollowUpDate(Date.from(later));
        tasks.saveTask(current);
        assertThat(reminderDue(lead)).isEqualTo(later);

        // no date: no reminder
        current = driver.taskOf(lead);
        current.setFollowUpDate(null);
        tasks.saveTask(current);
        assertThat(reminderDue(lead)).isNull();
        assertThat(leads.require(lead).getFollowUpAt()).isNull();

        // other changes of the task leave the reminder alone
        current = driver.taskOf(lead);
        current.setDescription("looked at it");
        tasks.saveTask(current);
        assertThat(reminderDue(lead)).isNull();
    }

    @Test
    void theFollowUpWindowClosesALeadWithoutAFinalOutcomeAsTheModelSays() {
        String rep = SlaFixture.repId("cy", fixture.team("celia.rouche", "cy"));
        String lead = routedLead(rep, "WARM");
        tasks.complete(driver.taskOf(lead).getId(), Map.of("outcome", "CONTACTED"));

        fixture.setClock(BASE.plus(Duration.ofDays(60)).minusSeconds(60));
        driver.runJobsOf(lead);
        assertThat(leads.require(lead).getStatus()).as("inside the window").isEqualTo(LeadStatus.CONTACTED);
        fixture.setClock(BASE.plus(Duration.ofDays(60)).plusSeconds(1));
        driver.runJobsOf(lead);

        Lead closed = leads.require(lead);
        assertThat(closed.getStatus()).isEqualTo(LeadStatus.NURTURE);
        assertThat(closed.getOutcome()).isEqualTo(LeadOutcome.NURTURE);
        assertThat(closed.getClosedAt()).isEqualTo(BASE.plus(Duration.ofDays(60)).plusSeconds(1));
        assertThat(closed.getFollowUpAt()).isNull();
        JsonNode last = timeline(lead).get(timeline(lead).size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("FOLLOW_UP_EXPIRED");
        assertThat(last.get("summary").asText())
                .isEqualTo("No outcome within the follow-up window: closed as NURTURE, back to marketing nurture");
        assertThat(deals(rep)).as("back to nurture is no lost deal").containsExactly(0, 0);
        assertThat(driver.taskOf(lead)).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).count()).isZero();
    }

    @Test
    void anEscalatedLeadContactedByItsManagerIsTheirsToFollowUpAndNoRepsDeal() {
        String team = fixture.team("celia.rouche", "solo");
        String rep = SlaFixture.repId("solo", team);
        String lead = routedLead(rep, "HOT");
        fixture.setClock(fixture.breachDue(lead).plusSeconds(1));
        driver.runJobsOf(lead);
        Task handle = driver.taskOf(lead);
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(handle.getAssignee()).isEqualTo("celia.rouche");

        tasks.complete(handle.getId(), Map.of("outcome", "CONTACTED", "outcomeNote", "Called them myself"));

        Task followUp = driver.taskOf(lead);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getAssignee()).as("the manager who has the lead, not the rep who let it lapse")
                .isEqualTo("celia.rouche");
        Lead contacted = leads.require(lead);
        assertThat(contacted.getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(contacted.getOwnerId()).isNull();
        assertThat(contacted.getEscalatedTo()).isEqualTo("celia.rouche");
        assertThat(contacted.getSlaMet()).isFalse();
        assertThat(composer.compose(NotificationKind.FOLLOW_UP_DUE, lead, null).subject()).startsWith("Follow up ");

        tasks.complete(followUp.getId(), Map.of("outcome", "LOST", "lostReason", "COMPETITOR"));

        Lead lost = leads.require(lead);
        assertThat(lost.getStatus()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.getLostReason()).isEqualTo("COMPETITOR");
        assertThat(deals(rep)).as("the manager's loss is not the rep's").containsExactly(0, 0);
        assertThat(timeline(lead).get(timeline(lead).size() - 1).get("summary").asText())
                .isEqualTo("Outcome LOST (COMPETITOR: Chose a competitor)");
    }

    @Test
    void anEscalatedLeadNobodyTookCannotGoToFollowUpButMayClose() {
        String team = fixture.team(null, "lone");
        String lead = routedLead(SlaFixture.repId("lone", team), "HOT");
        fixture.setClock(fixture.breachDue(lead).plusSeconds(1));
        driver.runJobsOf(lead);
        Task handle = driver.taskOf(lead);
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(handle.getAssignee()).isNull();

        assertThatThrownBy(() -> tasks.complete(handle.getId(), Map.of("outcome", "CONTACTED")))
                .hasMessageContaining("Nobody has taken this escalated lead");
        assertThat(driver.taskOf(lead).getId()).isEqualTo(handle.getId());
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.ESCALATED);

        tasks.complete(handle.getId(), Map.of("outcome", "DISQUALIFIED", "outcomeNote", "A student"));
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.DISQUALIFIED);
    }

    @Test
    void aFormThatBreaksTheRulesIsRefusedAndTheTaskStaysOpen() {
        String rep = SlaFixture.repId("di", fixture.team("celia.rouche", "di"));
        String lead = routedLead(rep, "WARM");
        String work = driver.taskOf(lead).getId();

        assertThatThrownBy(() -> tasks.complete(work, Map.of("outcome", "CONVERTED")))
                .hasMessageContaining("dealValue is required with CONVERTED");
        assertThatThrownBy(() -> tasks.complete(work, Map.of("outcome", "LOST", "lostReason", "Too pricey")))
                .hasMessageContaining("'Too pricey' is not in the list of lost reasons");
        assertThatThrownBy(() -> tasks.complete(work, Map.of("outcome", "CONTACTED", "followUpAt", "2024-06-02")))
                .hasMessageContaining("followUpAt must be today or later");
        assertThatThrownBy(() -> tasks.complete(work, Map.of("outcome", "CONVERTED", "dealValue", -5)))
                .hasMessageContaining("dealValue must be 0 or more");

        assertThat(driver.taskOf(lead).getId()).isEqualTo(work);
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.ASSIGNED);
        assertThat(timeline(lead)).extracting(event -> event.get("type").asText())
                .containsExactly("RECEIVED", "ROUTED");
    }

    @Test
    void aLeadStillOnATaskFromBeforeVersion6ClosesWithoutADealValueOrReasonItsFormCannotAsk() throws Exception {
        String model;
        try (InputStream in = getClass().getResourceAsStream("/lead-routing.bpmn")) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String asVersion5 = repository.createDeployment().name("lead-routing as version 5")
                .addString("lead-routing.bpmn", model.replaceFirst("camunda:versionTag=\"\\d+\"", "camunda:versionTag=\"5\""))
                .deploy().getId();
        try {
            String rep = SlaFixture.repId("ed", fixture.team("celia.rouche", "ed"));
            String won = routedLead(rep, "WARM");
            String lost = routedLead(rep, "WARM");

            tasks.complete(driver.taskOf(won).getId(), Map.of("outcome", "CONVERTED"));
            tasks.complete(driver.taskOf(lost).getId(), Map.of("outcome", "LOST"));

            assertThat(leads.require(won).getStatus()).isEqualTo(LeadStatus.CONVERTED);
            assertThat(leads.require(won).getDealValue()).isNull();
            assertThat(leads.require(lost).getStatus()).isEqualTo(LeadStatus.LOST);
            assertThat(deals(rep)).containsExactly(1, 1);
        } finally {
            repository.deleteDeployment(asVersion5, true);
        }
    }

    // --- helpers

    /** A lead of the tier routed to the rep at {@link #BASE}, waiting at Work lead. */
    private String routedLead(String rep, String tier) {
        fixture.setClock(BASE);
        String lead = fixture.lead(tier);
        fixture.routeAndStart(lead, rep.substring(rep.indexOf('.') + 1));
        assertThat(leads.require(lead).getOwnerId()).isEqualTo(rep);
        return lead;
    }

    /** The task's lost reasons: the modelers' list, as the JSON a form's select reads. */
    private void assertLostReasonsOffered(Task task) {
        ObjectValue reasons = tasks.getVariableLocalTyped(task.getId(), "lostReasons", false);
        assertThat(reasons.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(reasons.getValueSerialized())
                .startsWith("[{\"value\":\"PRICE\",\"label\":\"Price or budget\"},{\"value\":\"COMPETITOR\"");
        assertThat((List<?>) tasks.getVariableLocal(task.getId(), "lostReasons")).hasSize(6);
    }

    private Instant reminderDue(String lead) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).singleResult();
        Job reminder = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("FollowUpDue").singleResult();
        return reminder == null ? null : reminder.getDuedate().toInstant();
    }

    private Map<String, Object> clock(String lead) {
        return jdbc.queryForMap("select result, responded_at from response_clocks where lead_id = ?", lead);
    }

    /** The rep's won and lost deals over all products. */
    private List<Integer> deals(String rep) {
        return RepDeals.of(jdbc, rep);
    }

    private List<JsonNode> timeline(String lead) {
        List<JsonNode> events = new ArrayList<>();
        driver.admin().getForObject("/api/leads/" + lead + "/timeline", JsonNode.class).get("events")
                .forEach(events::add);
        return events;
    }
}
