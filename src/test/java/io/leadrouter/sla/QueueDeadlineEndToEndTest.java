package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.leadrouter.notification.Notification;
import io.leadrouter.notification.NotificationComposer;
import io.leadrouter.notification.NotificationKind;

/**
 * A lead nobody assigns passes its deadline in sales ops' queue, with the real delegates: the task
 * is due an hour after it was created, the reminder and the deadline fire as the engine clock
 * moves past them, the timeline says how long the lead waited, the task stays in the queue, and
 * the overdue notice goes to the team's managers and sales ops.
 */
@IntegrationTest
class QueueDeadlineEndToEndTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    NotificationComposer composer;
    @Autowired
    RuntimeService runtime;

    private String leadId;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
        driver.allRepsAvailable();
        if (leadId != null) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
        }
    }

    @Test
    void aLeadNobodyAssignsIsOverdueAfterAnHourAndTheManagersAreTold() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixture.setClock(start);
        driver.setAvailability("west", false);
        leadId = driver.submitLead("""
                {"firstName": "Grace", "lastName": "Waits", "email": "grace@waiting-%s.com", "company": "Waiting Inc",
                 "country": "USA", "state": "California", "product": "gtx pro", "source": "reference"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobsOf(leadId);
        Task assign = driver.taskOf(leadId);
        assertThat(assign.getTaskDefinitionKey()).isEqualTo("AssignLeadManually");
        assertThat(assign.getDueDate().toInstant()).isEqualTo(start.plus(Duration.ofHours(1)));

        fixture.setClock(start.plus(Duration.ofHours(1)).plusSeconds(1));
        driver.runJobsOf(leadId);

        assertThat(driver.taskOf(leadId).getId()).as("the lead stays in the queue").isEqualTo(assign.getId());
        JsonNode events = driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class)
                .get("events");
        assertThat(events.findValuesAsText("type")).endsWith("NO_REP_FOUND", "QUEUE_OVERDUE");
        JsonNode overdue = events.get(events.size() - 1);
        assertThat(overdue.get("summary").asText()).isEqualTo("\"Assign lead manually\" is overdue: the lead has "
                + "waited for sales ops for 60 minutes; the sales managers were told");
        assertThat(overdue.get("team").asText()).isEqualTo("west");

        Notification notice = composer.compose(NotificationKind.QUEUE_OVERDUE, leadId, null);
        assertThat(notice.subject()).isEqualTo("Overdue in sales ops' queue: Grace Waits (Waiting Inc) (Assign lead manually)");
        List<String> westManagers = driver.managersOf("west");
        assertThat(westManagers).isNotEmpty();
        assertThat(notice.recipients()).hasSizeGreaterThanOrEqualTo(westManagers.size());
        assertThat(notice.text()).contains("queue \"To assign\"");
        Notification reminder = composer.compose(NotificationKind.QUEUE_REMINDER, leadId, null);
        assertThat(reminder.subject()).startsWith("Waiting for sales ops: Grace Waits");
    }
}
