package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * The outcome forms as Tasklist's form-js 1.8 renders them in a real Chromium: Work lead offers
 * the five outcomes, the lost reasons of lost-reasons.dmn when LOST is chosen (a field shown by
 * its condition, its options from the task's JSON variable) and a follow-up day when CONTACTED is;
 * the contacted lead comes back as Follow up lead with its history, and CONVERTED with a deal
 * value closes it. Screenshots of each step go to {@code target/screenshots}.
 */
@IntegrationTest
class FollowUpFormsBrowserTest extends BrowserTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RuntimeService runtime;

    private final List<String> leads = new ArrayList<>();

    @AfterEach
    void endTheLeadsProcesses() {
        for (String lead : leads) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
        }
        leads.clear();
    }

    @Test
    void aRepRecordsALostLeadWithAReasonFromTheModelersList() {
        String lead = routedLead();
        Task work = driver.taskOf(lead);

        TasklistPage.TaskView workLead = tasklist()
                .logIn(work.getAssignee(), "demo").openTask(work.getId());
        assertThat(workLead.shows("Lost reason")).isFalse();
        assertThat(workLead.shows("Deal value")).isFalse();
        assertThat(workLead.shows("Follow up on")).isFalse();
        assertThat(workLead.choose("Outcome", "Lost")).containsExactly("Contacted, still in progress",
                "Converted to opportunity", "Lost", "Disqualified", "Back to marketing nurture: not ready to buy");
        assertThat(workLead.shows("Lost reason")).isTrue();
        assertThat(workLead.choose("Lost reason", "Chose a competitor")).containsExactly("Price or budget",
                "Chose a competitor", "Not now: no project or bad timing", "Stopped responding",
                "No need, or our product does not fit", "Other (say why in the note)");
        browser.screenshot("outcome-1-work-lead-lost-with-a-reason");
        workLead.complete();

        JsonNode lost = driver.lead(lead);
        assertThat(lost.get("status").asText()).isEqualTo("LOST");
        assertThat(lost.get("lostReason").asText()).isEqualTo("COMPETITOR");
        assertThat(driver.taskOf(lead)).isNull();
    }

    @Test
    void aRepRecordsContactedWithAFollowUpDayThenConvertedWithADealValue() {
        String lead = routedLead();
        Task work = driver.taskOf(lead);
        String rep = work.getAssignee();

        TasklistPage tasklist = tasklist().logIn(rep, "demo");
        TasklistPage.TaskView workLead = tasklist.openTask(work.getId());
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        workLead.choose("Outcome", "Contacted, still in progress");
        assertThat(workLead.shows("Follow up on")).isTrue();
        assertThat(workLead.shows("Lost reason")).isFalse();
        workLead.enter("Follow up on", day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        workLead.enter("Note", "Wants a demo next week");
        browser.screenshot("outcome-2-work-lead-contacted-with-a-follow-up-day");
        workLead.complete();

        JsonNode contacted = driver.lead(lead);
        assertThat(contacted.get("status").asText()).isEqualTo("CONTACTED");
        assertThat(Instant.parse(contacted.get("followUpAt").asText()).atZone(ZoneId.of("America/Los_Angeles"))
                .toLocalDate()).as("the day chosen, in the rep's time zone").isEqualTo(day);
        Task followUp = driver.taskOf(lead);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getAssignee()).isEqualTo(rep);

        TasklistPage.TaskView followUpLead = tasklist.openTask(followUp.getId());
        assertThat(followUpLead.value("Lead")).isEqualTo("Fern Follow");
        assertThat(followUpLead.value("History so far")).contains("Outcome CONTACTED: Wants a demo next week",
                "Follow up on");
        assertThat(followUpLead.choose("Outcome", "Converted to opportunity"))
                .startsWith("Still working: follow up again");
        assertThat(followUpLead.shows("Deal value")).isTrue();
        assertThat(followUpLead.shows("Follow up again on")).isFalse();
        followUpLead.enter("Deal value", "1200.50");
        browser.screenshot("outcome-3-follow-up-lead-converted-with-a-deal-value");
        followUpLead.complete();

        JsonNode converted = driver.lead(lead);
        assertThat(converted.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(converted.get("dealValue").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(driver.taskOf(lead)).isNull();
        List<String> events = driver.admin().getForObject("/api/leads/" + lead + "/timeline", JsonNode.class)
                .get("events").findValuesAsText("type");
        assertThat(events).containsSubsequence("OUTCOME_RECORDED", "FOLLOW_UP_SCHEDULED", "OUTCOME_RECORDED");
    }

    /** A HOT lead from California, routed to a rep of team west: waiting at Work lead. */
    private String routedLead() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String lead = driver.submitLead("""
                {"firstName": "Fern", "lastName": "Follow", "email": "fern@follow-%1$s.com", "company": "Follow %1$s",
                 "country": "US", "state": "CA", "industry": "technology", "employees": 2500,
                 "annualRevenue": 250000000, "product": "GTX Pro", "source": "Reference"}""".formatted(unique));
        leads.add(lead);
        driver.runJobs();
        assertThat(driver.taskOf(lead).getTaskDefinitionKey()).isEqualTo("WorkLead");
        return lead;
    }
}
