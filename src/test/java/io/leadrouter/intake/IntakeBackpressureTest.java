package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;

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
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = driver.admin().getForObject("/api/imports/" + id, JsonNode.class);
        while (!reached.test(status)) {
            assertThat(System.nanoTime()).as("import %s: %s", id, status).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                throw new AssertionError(interrupted);
            }
            status = driver.admin().getForObject("/api/imports/" + id, JsonNode.class);
        }
        return status;
    }

    private ResponseEntity<JsonNode> csvImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return driver.admin().postForEntity("/api/leads/import",
                new HttpEntity<>("email,company\nx@acme-import.com,Acme Import\n", headers), JsonNode.class);
    }
}
