package io.leadrouter.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

@IntegrationTest
class RepApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void listsTheDemoOrganisationsThirtyFiveRepsInThreeTeams() {
        JsonNode all = driver.admin().getForObject("/api/reps", JsonNode.class);

        assertThat(all.findValuesAsText("team")).filteredOn(java.util.Set.of("central", "east", "west")::contains)
                .hasSize(35);
        JsonNode anna = null;
        for (JsonNode rep : all) {
            if (rep.get("id").asText().equals("anna.snelling")) {
                anna = rep;
            }
        }
        assertThat(anna).isNotNull();
        assertThat(anna.get("name").asText()).isEqualTo("Anna Snelling");
        assertThat(anna.get("team").asText()).isEqualTo("central");
        assertThat(anna.get("manager").asText()).isEqualTo("dustin.brinkmann");
    }

    @Test
    void repCanMarkThemselvesUnavailable() {
        ResponseEntity<JsonNode> response = put(driver.as("cecily.lampkin", "demo"), "cecily.lampkin",
                "{\"available\": false}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("available").asBoolean()).isFalse();
        assertThat(reps.findById("cecily.lampkin").orElseThrow().isAvailable()).isFalse();
    }

    @Test
    void salesOpsCanChangeAnyRepButOtherRepsCannot() {
        ResponseEntity<JsonNode> byColleague = put(driver.as("anna.snelling", "demo"), "moses.frase",
                "{\"available\": false}");
        ResponseEntity<JsonNode> byOps = put(driver.as("sam.ops", "demo"), "moses.frase", "{\"available\": false}");

        assertThat(byColleague.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byOps.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reps.findById("moses.frase").orElseThrow().isAvailable()).isFalse();
    }

    @Test
    void availabilityMustBeABoolean() {
        ResponseEntity<JsonNode> response = put(driver.admin(), "anna.snelling", "{\"available\": \"no\"}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("available");
    }

    @Test
    void unknownRepAnswers404() {
        assertThat(put(driver.admin(), "no.body", "{\"available\": true}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate client, String rep, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange("/api/reps/" + rep + "/availability", HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
