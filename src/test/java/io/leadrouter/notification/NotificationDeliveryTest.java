package io.leadrouter.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.sla.SlaFixture;
import io.leadrouter.team.RepRepository;

/**
 * Notifications leaving the application: e-mail to an in-process SMTP server (GreenMail) and
 * the signed webhook to an HTTP server of the test's own. A dead mail server costs the
 * notification an incident, never the lead. This test runs on an application context of its
 * own (mail and webhook on) with its own in-memory database.
 */
@Tag("own-context")
@IntegrationTest
class NotificationDeliveryTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String SECRET = "webhook-test-secret";
    private static final int SMTP_PORT = freePort();
    private static final List<Post> POSTS = new CopyOnWriteArrayList<>();
    /** How many of the next webhook calls the receiver answers 503 (it records them all). */
    private static final AtomicInteger FAILING_CALLS = new AtomicInteger();
    private static final HttpServer WEBHOOK = webhookServer();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
        new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void notificationsOn(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:leadrouter-notifications;DB_CLOSE_DELAY=-1");
        // an engine name of its own: Camunda keeps engines in a JVM-wide registry by name, and the
        // REST API and webapps of the shared test context must keep finding theirs as "default"
        registry.add("camunda.bpm.process-engine-name", () -> "notifications");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("leadrouter.notifications.from", () -> "lead-router@test.example.com");
        registry.add("leadrouter.notifications.webhook.url",
            () -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/hooks/leads");
        registry.add("leadrouter.notifications.webhook.secret", () -> SECRET);
        registry.add("leadrouter.public-url", () -> "https://leads.example.com/");
    }

    /** A webhook request as it arrived. */
    record Post(String event, String delivery, String signature, byte[] body) {
    }

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    RepRepository reps;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void tuesdayMorningInNewYork() {
        POSTS.clear();
        FAILING_CALLS.set(0);
        fixture.setClock(LocalDateTime.parse("2024-03-05T10:00").atZone(NEW_YORK).toInstant());
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @AfterAll
    static void stopWebhook() {
        WEBHOOK.stop(0);
    }

    @Test
    void theRepGetsAnAssignmentMailAndTheWebhookASignedPost() throws Exception {
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();

        String owner = driver.lead(id).get("owner").asText();
        String ownerMail = reps.findById(owner).orElseThrow().getEmail();
        assertThat(ownerMail).isEqualTo(owner + "@sales.example.com");
        MimeMessage mail = single(greenMail.getReceivedMessages());
        assertThat(addresses(mail.getAllRecipients())).containsExactly(ownerMail);
        assertThat(addresses(mail.getFrom())).containsExactly("lead-router@test.example.com");
        assertThat(mail.getSubject()).startsWith("New HOT lead for you: Ada Byron (Analytical Engines")
            .endsWith("respond by Tue 5 Mar 10:15 EST");
        assertThat(((String) mail.getContent())).contains("is yours", "Round-robin in team east", id);

        Post post = single(POSTS.toArray(Post[]::new));
        assertThat(post.event()).isEqualTo("lead.assigned");
        assertThat(post.signature()).isEqualTo("sha256=" + hmac(post.body()));
        JsonNode payload = json.readTree(post.body());
        assertThat(payload.get("event").asText()).isEqualTo("lead.assigned");
        assertThat(payload.get("leadId").asText()).isEqualTo(id);
        assertThat(payload.get("owner").asText()).isEqualTo(owner);
        assertThat(payload.get("lead").get("tier").asText()).isEqualTo("HOT");
        assertThat(Instant.parse(payload.get("slaDueAt").asText()))
            .isEqualTo(LocalDateTime.parse("2024-03-05T10:15").atZone(NEW_YORK).toInstant());
        assertThat(payload.has("email")).as("no contact data leaves by webhook").isFalse();
    }

    @Test
    void theAssignmentAndTheReminderLinkStraightToTheRepsWorkLeadInTasklist() throws Exception {
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();
        Task work = driver.taskOf(id);
        String link = "https://leads.example.com/camunda/app/tasklist/notifications/#/?task=" + work.getId();

        fixture.setClock(LocalDateTime.parse("2024-03-05T10:12").atZone(NEW_YORK).toInstant()); // reminder: 10:11:15
        driver.runJobs();

        assertThat(driver.taskOf(id).getId()).as("the rep still has the lead").isEqualTo(work.getId());
        assertThat(greenMail.getReceivedMessages()).extracting(NotificationDeliveryTest::subject)
            .satisfiesExactly(assigned -> assertThat(assigned).startsWith("New HOT lead for you"),
                reminder -> assertThat(reminder).startsWith("Reminder: respond to"));
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            assertThat(((String) mail.getContent()).stripTrailing()).endsWith("Open it in Tasklist: " + link);
        }
        assertThat(POSTS).extracting(Post::event).containsExactly("lead.assigned", "lead.reminder");
        for (Post post : POSTS) {
            assertThat(json.readTree(post.body()).get("taskUrl").asText()).isEqualTo(link);
            assertThat(post.signature()).as("signed as sent, link included").isEqualTo("sha256=" + hmac(post.body()));
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("leadNotification").count())
            .as("both notifications delivered").isZero();
    }

    @Test
    void aNotificationDeliveredAfterTheRepLostTheLeadCarriesNoLinkAndTheNewRepsLinksToTheirNewTask()
        throws Exception {
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();
        greenMail.purgeEmailFromAllMailboxes();
        POSTS.clear();

        // the reminder's delivery is due after the breach has taken the lead away (earliest due first)
        fixture.setClock(fixture.breachDue(id).plusSeconds(1));
        driver.runJobs();

        assertThat(POSTS).extracting(Post::event).contains("lead.reminder", "lead.reassigned", "lead.assigned");
        for (Post post : POSTS) {
            JsonNode payload = json.readTree(post.body());
            if (post.event().equals("lead.assigned")) {
                assertThat(payload.get("taskUrl").asText()).endsWith("#/?task=" + driver.taskOf(id).getId());
            } else {
                assertThat(payload.has("taskUrl")).as("%s: no link to a task the rep no longer has", post.event())
                    .isFalse();
            }
        }
        MimeMessage reminder = Arrays.stream(greenMail.getReceivedMessages())
            .filter(mail -> subject(mail).startsWith("Reminder")).findFirst().orElseThrow();
        assertThat((String) reminder.getContent()).doesNotContain("Tasklist:");
    }

    @Test
    void aReassignmentIsToldToTheManagerAndTheRepWhoLostTheLead() throws Exception {
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();
        String first = driver.lead(id).get("owner").asText();
        String manager = reps.findById(first).orElseThrow().getManagerId();
        greenMail.purgeEmailFromAllMailboxes();

        fixture.setClock(fixture.breachDue(id).plusSeconds(1));
        driver.runJobs();

        String second = driver.lead(id).get("owner").asText();
        MimeMessage[] mails = greenMail.getReceivedMessages();
        MimeMessage reassigned = Arrays.stream(mails).filter(m -> subject(m).startsWith("Lead reassigned")).findFirst()
            .orElseThrow();
        assertThat(addresses(reassigned.getAllRecipients()))
            .containsExactlyInAnyOrder(manager + "@sales.example.com", first + "@sales.example.com");
        MimeMessage assigned = Arrays.stream(mails).filter(m -> subject(m).startsWith("New HOT lead")).findFirst()
            .orElseThrow();
        assertThat(addresses(assigned.getAllRecipients())).containsExactly(second + "@sales.example.com");
        assertThat(POSTS).extracting(Post::event).contains("lead.reminder", "lead.reassigned", "lead.assigned");
    }

    @Test
    void aRepHandedAFollowUpIsToldWithTheLinkToTheirFollowUpTask() throws Exception {
        String id = fixture.postHotNewYorkLead();
        driver.runJobs();
        String first = driver.lead(id).get("owner").asText();
        driver.complete(driver.taskOf(id), Map.of("outcome", "CONTACTED", "outcomeNote", "Wants a demo"));
        driver.runJobs();
        String next = reps.findByTeamIdOrderById("east").stream().filter(rep -> rep.isActive())
            .map(rep -> rep.getId()).filter(rep -> !rep.equals(first)).findFirst().orElseThrow();
        greenMail.purgeEmailFromAllMailboxes();
        POSTS.clear();

        var handed = driver.admin().postForEntity("/api/leads/" + id + "/reassign",
            Map.of("to", next, "reason", "Territory change"), JsonNode.class);
        driver.runJobs();

        assertThat(handed.getStatusCode().value()).isEqualTo(200);
        Task followUp = driver.taskOf(id);
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(followUp.getAssignee()).isEqualTo(next);
        String link = "https://leads.example.com/camunda/app/tasklist/notifications/#/?task=" + followUp.getId();
        MimeMessage mail = single(greenMail.getReceivedMessages());
        assertThat(addresses(mail.getAllRecipients())).containsExactly(next + "@sales.example.com");
        assertThat(mail.getSubject()).startsWith("Follow-up handed to you: Ada Byron (Analytical Engines")
            .contains(", follow up ").doesNotContain("respond by");
        assertThat((String) mail.getContent()).contains("is yours to follow up", "Territory change",
            "Last note: Wants a demo", "Follow up lead task").doesNotContain("respond by");
        assertThat(((String) mail.getContent()).stripTrailing()).endsWith("Open it in Tasklist: " + link);

        Post post = single(POSTS.toArray(Post[]::new));
        assertThat(post.event()).isEqualTo("lead.assigned");
        JsonNode payload = json.readTree(post.body());
        assertThat(payload.get("owner").asText()).isEqualTo(next);
        assertThat(payload.get("lead").get("status").asText()).isEqualTo("CONTACTED");
        assertThat(payload.get("followUpAt").asText()).isNotBlank();
        assertThat(payload.get("taskUrl").asText()).isEqualTo(link);
    }

    @Test
    void aDeadMailServerEndsAsAnIncidentOfTheNotificationWhileTheLeadStaysWithItsRep() {
        greenMail.stop();
        String id = fixture.postHotNewYorkLead();

        List<String> failures = driver.runJobsCollectingFailures();

        assertThat(failures).hasSize(1).allSatisfy(f -> assertThat(f).containsIgnoringCase("mail"));
        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        Task work = driver.taskOf(id);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo(lead.get("owner").asText());
        assertThat(POSTS).as("the webhook does not wait for the mail").extracting(Post::event)
            .containsExactly("lead.assigned");

        // the job executor retries twice more, a minute apart, then gives up
        ProcessInstance notification = runtime.createProcessInstanceQuery().processDefinitionKey("leadNotification")
            .processInstanceBusinessKey(id).singleResult();
        for (int retry = 0; retry < 2; retry++) {
            fixture.setClock(fixture.now().plusSeconds(61));
            assertThat(driver.runJobsCollectingFailures()).hasSize(1);
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(notification.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("SendEmail");
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(management.createJobQuery().processInstanceId(notification.getId()).noRetriesLeft().count())
            .isEqualTo(1);
        ProcessInstance leadRouting = runtime.createProcessInstanceQuery().processDefinitionKey("leadRouting")
            .processInstanceBusinessKey(id).singleResult();
        assertThat(runtime.createIncidentQuery().processInstanceId(leadRouting.getId()).count())
            .as("the lead's own process has no incident").isZero();
        assertThat(driver.lead(id).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(driver.taskOf(id).getId()).isEqualTo(work.getId());

        // the mail server is back: an operator's retry in Cockpit delivers the mail
        greenMail.start();
        management.setJobRetries(1).jobIds(List.of(management.createJobQuery().processInstanceId(notification.getId())
            .singleResult().getId())).dueDate(null).execute();
        driver.runJobs();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(notification.getId()).count()).isZero();
    }

    @Test
    void aWebhookCallThatFailedIsRetriedWithTheSameDeliveryIdSoTheReceiverCanDropDuplicates() throws Exception {
        FAILING_CALLS.set(1);
        String id = fixture.postHotNewYorkLead();

        assertThat(driver.runJobsCollectingFailures()).singleElement().asString().contains("answered 503");
        fixture.setClock(fixture.now().plusSeconds(61)); // the next retry is due a minute later
        assertThat(driver.runJobsCollectingFailures()).isEmpty();

        assertThat(POSTS).hasSize(2).extracting(Post::event).containsOnly("lead.assigned");
        Post failed = POSTS.get(0);
        Post retried = POSTS.get(1);
        assertThat(retried.delivery()).isNotBlank().isEqualTo(failed.delivery());
        assertThat(retried.body()).isEqualTo(failed.body());
        assertThat(json.readTree(retried.body()).get("leadId").asText()).isEqualTo(id);

        String another = fixture.postHotNewYorkLead();
        driver.runJobs();
        Post next = POSTS.get(2);
        assertThat(json.readTree(next.body()).get("leadId").asText()).isEqualTo(another);
        assertThat(next.delivery()).as("another notification, another delivery id").isNotEqualTo(failed.delivery());
    }

    private static <T> T single(T[] items) {
        assertThat(items).hasSize(1);
        return items[0];
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String hmac(byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer webhookServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks/leads", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    POSTS.add(new Post(exchange.getRequestHeaders().getFirst("X-LeadRouter-Event"),
                        exchange.getRequestHeaders().getFirst("X-LeadRouter-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-LeadRouter-Signature"), in.readAllBytes()));
                }
                boolean fail = FAILING_CALLS.getAndUpdate(calls -> Math.max(0, calls - 1)) > 0;
                exchange.sendResponseHeaders(fail ? 503 : 204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
