package io.leadrouter.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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
    void healthNeedsNoCredentials() {
        assertThat(driver.anonymous().getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
