package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadData;

/**
 * Backpressure with a backlog limit of 5, on a database of its own: the test context runs no job
 * executor, so accepted leads stay unrouted until the test runs the engine's jobs.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"leadrouter.intake.max-backlog=5", "leadrouter.intake.backlog-refresh=0s",
                "spring.datasource.url=jdbc:h2:mem:backpressure-test;DB_CLOSE_DELAY=-1",
                // its own engine name: the shared test context's REST API and webapps find theirs as "default"
                "camunda.bpm.process-engine-name=backpressure-test"})
@ActiveProfiles("test")
class IntakeBackpressureTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadIntake intake;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void pastTheBacklogLimitIntakeAnswers429AndBulkImportsWaitAndEveryAcknowledgedLeadIsRouted() {
        driver.runJobs();
        List<String> acknowledged = new ArrayList<>();
        ResponseEntity<JsonNode> refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            ResponseEntity<JsonNode> response = driver.postLead(lead());
            if (response.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                refused = response;
            } else {
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                acknowledged.add(response.getBody().get("id").asText());
            }
        }

        assertThat(acknowledged).hasSize(5);
        assertThat(refused).isNotNull();
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("status").asInt()).isEqualTo(429);
        assertThat(refused.getBody().get("detail").asText()).contains("limit 5");
        assertThat(csvImport().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(driver.admin().getForObject("/api/intake/backlog", JsonNode.class).get("unrouted").asLong())
                .isEqualTo(5);

        String importId = bulkImport().getBody().get("id").asText();
        JsonNode waiting = awaitImport(importId, status -> status.get("waiting").asBoolean());
        assertThat(waiting.get("state").asText()).isEqualTo("RUNNING");
        assertThat(waiting.get("rowsRead").asLong()).isZero();

        driver.runJobs();

        JsonNode imported = awaitImport(importId, status -> status.get("state").asText().equals("DONE"));
        assertThat(imported.get("created").asLong()).isEqualTo(2);
        driver.runJobs();
        for (String id : acknowledged) {
            JsonNode lead = driver.lead(id);
            assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(lead.get("owner").asText()).isNotBlank();
        }
        JsonNode backlog = driver.admin().getForObject("/api/intake/backlog", JsonNode.class);
        assertThat(backlog.get("unrouted").asLong()).isZero();
        assertThat(backlog.get("accepting").asBoolean()).isTrue();
        assertThat(driver.postLead(lead()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aLeadWhoseRoutingFailedForGoodIsAnIncidentWithAClearMessageAndNoLongerCountsAgainstTheBacklog() {
        driver.runJobs();
        // stored as intake stored leads before it checked normalised sizes: "İ" lower-cases to two characters
        LeadData poisoned = new LeadData("poisoned-" + UUID.randomUUID(), "Grace", "Hopper",
                "grace.poisoned@navy-systems.com", null, "Navy Systems", null, "US", "CA", null, null, null, null,
                null, null, "İ".repeat(15), null);
        String processInstance = intake.submit(poisoned, "carl.lin").lead().getProcessInstanceId();
        assertThat(unrouted()).isEqualTo(1);

        assertThat(failingFor(processInstance)).hasMessageContaining("language");
        assertThat(unrouted()).as("a job with retries left is work the engine can still do").isEqualTo(1);

        for (int run = 0; run < 10 && management.createJobQuery().processInstanceId(processInstance).singleResult()
                .getRetries() > 0; run++) {
            failingFor(processInstance);
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(processInstance).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage())
                .contains("its normalised data cannot be stored")
                .contains("language must be at most 20 characters (it is 30)");
        assertThat(unrouted()).isZero();
        List<HttpStatusCode> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(driver.postLead(lead()).getStatusCode());
        }
        assertThat(answers).containsOnly(HttpStatus.CREATED);
        driver.runJobs();
        assertThat(unrouted()).isZero();
    }

    @Test
    void hundredsOfHostileLeadsFromARepAreRefusedAndTheNextNormalLeadIsAcceptedAndRouted() {
        driver.runJobs();
        TestRestTemplate rep = driver.as("carl.lin", "demo");
        List<String> hostile = hostileLeads();
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(300);

        for (String body : hostile) {
            ResponseEntity<JsonNode> answer = rep.postForEntity("/api/leads", json(body), JsonNode.class);
            assertThat(answer.getStatusCode()).as(body.length() > 300 ? body.substring(0, 300) : body)
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().get("errors")).isNotEmpty();
        }
        driver.runJobs();

        ResponseEntity<JsonNode> normal = rep.postForEntity("/api/leads", json(lead()), JsonNode.class);
        assertThat(normal.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        driver.runJobs();
        JsonNode routed = driver.lead(normal.getBody().get("id").asText());
        assertThat(routed.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(routed.get("owner").asText()).isNotBlank();
    }

    /** Mixed: oversize once normalised, odd Unicode, control characters, numbers past their columns. */
    private static List<String> hostileLeads() {
        List<String> bodies = new ArrayList<>();
        String base = "\"firstName\": \"Hostile\", \"company\": \"Hostile Inc\", \"country\": \"US\"";
        for (int i = 0; i < 40; i++) {
            String email = HostileLeads.quote("hostile." + i + "@navy-systems.com");
            bodies.add("{" + base + ", \"email\": " + email + ", \"language\": "
                    + HostileLeads.quote("İ".repeat(11 + i % 10)) + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"website\": "
                    + HostileLeads.quote("İ".repeat(251 + i * 6)) + "}");
            bodies.add("{" + base + ", \"email\": " + HostileLeads.quote("İ".repeat(161 + i) + "@navy-systems.com") + "}");
            bodies.add("{" + base + ", \"email\": " + HostileLeads.quote("a" + i + "@" + "d".repeat(256 + i) + ".com")
                    + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"lastName\": "
                    + HostileLeads.quote("Nu\u0000l" + "\u0001\u001bx".repeat(i % 3)) + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"city\": "
                    + HostileLeads.quote(i % 2 == 0 ? "\ud800" : "x\udc00y") + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"annualRevenue\": "
                    + List.of("1e309", "-1e309", "1e18", "99999999999999999.995", "-1").get(i % 5) + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"employees\": "
                    + List.of("2147483648", "1e400", "-5", "12.5", "\"many\"").get(i % 5) + "}");
            bodies.add("{" + base + ", \"email\": " + email + ", \"attributes\": {\"note\": "
                    + HostileLeads.quote(i % 2 == 0 ? "\udbff" : "z".repeat(65_536)) + "}}");
        }
        return bodies;
    }

    private long unrouted() {
        return driver.admin().getForObject("/api/intake/backlog", JsonNode.class).get("unrouted").asLong();
    }

    /** Runs the lead's routing job, which must fail; returns the failure. */
    private RuntimeException failingFor(String processInstance) {
        Job job = management.createJobQuery().processInstanceId(processInstance).singleResult();
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException failed) {
            return failed;
        }
        throw new AssertionError("the routing job of " + processInstance + " did not fail");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String lead() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"firstName": "Grace", "lastName": "Hopper", "email": "grace.%s@navy-systems.com",
                 "company": "Navy Systems %s", "country": "United States", "state": "California",
                 "employees": 2500, "annualRevenue": 250000000, "industry": "technology", "product": "GTX Pro",
                 "source": "Reference"}
                """.formatted(unique, unique);
    }

    private ResponseEntity<JsonNode> bulkImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return driver.admin().postForEntity("/api/imports", new HttpEntity<>("""
                email,company,country,state,industry,product,source
                a@bulk-wait-1.com,Bulk Wait One,US,CA,technology,GTX Pro,Reference
                b@bulk-wait-2.com,Bulk Wait Two,US,CA,technology,GTX Pro,Reference
                """, headers), JsonNode.class);
    }

    private JsonNode awaitImport(String id, Predicate<JsonNode> reached) {
        return await("import " + id).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> driver.admin().getForObject("/api/imports/" + id, JsonNode.class), reached);
    }

    private ResponseEntity<JsonNode> csvImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return driver.admin().postForEntity("/api/leads/import",
                new HttpEntity<>("email,company\nx@acme-import.com,Acme Import\n", headers), JsonNode.class);
    }
}
