package io.leadrouter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code lead-notification.bpmn}: starting it only creates jobs; each channel is delivered by
 * its own job with its own retries, so a dead mail server neither fails the start nor holds up
 * the webhook, and ends as an incident on "Send e-mail".
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "lead-notification.bpmn")
class LeadNotificationProcessTest {

    private static final Instant NOW = Instant.parse("2025-03-04T15:00:00Z");

    ProcessEngine processEngine;
    ManagementService managementService;

    private boolean mailServerDown;
    private final List<String> delivered = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        managementService = processEngine.getManagementService();
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("sendEmailDelegate", (JavaDelegate) execution -> {
            if (mailServerDown) {
                throw new IllegalStateException("Mail server connection failed");
            }
            delivered.add("email:" + execution.getVariable("mailTo"));
        });
        Mocks.register("callWebhookDelegate", (JavaDelegate) execution -> {
            delivered.add("webhook:" + execution.getVariable("webhookEvent"));
        });
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void startingANotificationOnlyCreatesOneJobPerChannel() {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("SendEmail", "CallWebhook");
        assertThat(delivered).isEmpty();
        assertThat(jobs(pi)).extracting(Job::getRetries).containsOnly(3);
    }

    @Test
    void eachChannelIsDeliveredByItsJobAndTheNotificationEnds() {
        ProcessInstance pi = start();

        jobs(pi).forEach(job -> managementService.executeJob(job.getId()));

        assertThat(delivered).containsExactlyInAnyOrder("email:carl.lin@sales.example.com", "webhook:lead.assigned");
        assertThat(pi).hasPassed("SendEmail", "CallWebhook", "ChannelsJoin", "NotificationDelivered").isEnded();
    }

    @Test
    void aDeadMailServerIsRetriedThenBecomesAnIncidentWhileTheWebhookIsDelivered() {
        mailServerDown = true;
        ProcessInstance pi = start();

        managementService.executeJob(job(pi, "CallWebhook").getId());
        assertThat(delivered).containsExactly("webhook:lead.assigned");

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job mail = job(pi, "SendEmail");
            assertThat(mail.getDuedate() == null || !mail.getDuedate().toInstant().isAfter(now()))
                .as("attempt %d is due", attempt).isTrue();
            assertThatThrownBy(() -> managementService.executeJob(mail.getId()))
                .hasMessageContaining("Mail server connection failed");
            assertThat(job(pi, "SendEmail").getRetries()).isEqualTo(3 - attempt);
            ClockUtil.setCurrentTime(Date.from(now().plusSeconds(61)));
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("SendEmail");
        assertThat(incident.getIncidentMessage()).contains("Mail server connection failed");
        assertThat(pi).isWaitingAt("SendEmail").hasPassed("CallWebhook");

        // once the server is back, an operator's retry in Cockpit delivers it
        mailServerDown = false;
        managementService.setJobRetries(job(pi, "SendEmail").getId(), 1);
        managementService.executeJob(job(pi, "SendEmail").getId());
        assertThat(pi).isEnded();
        assertThat(delivered).containsExactly("webhook:lead.assigned", "email:carl.lin@sales.example.com");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("leadNotification", "lead-4711", Map.of(
            "leadId", "lead-4711", "notification", "ASSIGNED", "sendMail", true, "callWebhook", true,
            "mailTo", "carl.lin@sales.example.com", "mailSubject", "New HOT lead", "mailText", "Call them",
            "webhookEvent", "lead.assigned", "webhookPayload", "{\"event\":\"lead.assigned\"}"));
    }

    private List<Job> jobs(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).list();
    }

    private Job job(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
