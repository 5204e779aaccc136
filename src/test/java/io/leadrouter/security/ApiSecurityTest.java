package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

@IntegrationTest
class ApiSecurityTest {

    @Autowired
    LeadRouterDriver driver;

    @Test
    void leadApiWithoutCredentialsAnswers401Problem() {
        ResponseEntity<String> response = driver.anonymous().getForEntity("/api/leads", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void engineRestWithoutCredentialsAnswers401() {
        ResponseEntity<String> response = driver.anonymous().getForEntity("/engine-rest/task", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongPasswordAnswers401() {
        // a failed login delays that user's next login (Camunda's brute-force protection): use users no other test needs
        ResponseEntity<String> api = driver.as("carl.lin", "wrong").getForEntity("/api/reps", String.class);
        ResponseEntity<String> engine = driver.as("zane.levy", "admin").getForEntity("/engine-rest/task",
                String.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void demoUsersAreLetIn() {
        assertThat(driver.as("anna.snelling", "demo").getForEntity("/api/reps", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(driver.admin().getForEntity("/engine-rest/process-definition/key/leadRouting", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthNeedsNoCredentialsAndCoversTheEngineAndTheDatabase() {
        ResponseEntity<JsonNode> health = driver.anonymous().getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
        assertThat(driver.anonymous().getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void metricsNeedAnAdminOrOps() {
        ResponseEntity<String> anonymous = driver.anonymous().getForEntity("/actuator/prometheus", String.class);
        ResponseEntity<String> rep = driver.as("anna.snelling", "demo").getForEntity("/actuator/prometheus",
                String.class);
        ResponseEntity<String> admin = driver.admin().getForEntity("/actuator/prometheus", String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(driver.anonymous().getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rep.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getBody()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
                "leadrouter_jobs_due", "leadrouter_incidents_open");
    }

    @Test
    void apiCallsIntoTheEngineRunAsTheSystemNotAsTheUser() {
        // Camunda grants reps no process start: the intake starts the lead's process as the system
        ResponseEntity<JsonNode> posted = driver.as("anna.snelling", "demo").postForEntity("/api/leads",
                new HttpEntity<>("{\"email\": \"buyer@rep-posted-lead.com\", \"country\": \"US\"}", json()),
                JsonNode.class);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(posted.getBody().get("id").asText()).isNotBlank();
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
