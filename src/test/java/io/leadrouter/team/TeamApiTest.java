package io.leadrouter.team;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code GET /api/teams} and {@code PATCH /api/teams/{id}}; who may call them is in LeadAccessMatrixTest. */
@IntegrationTest
class TeamApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TeamRepository teams;

    @Test
    void salesOpsTurnsSharingOnAndOffAndTheListShowsIt() {
        try {
            ResponseEntity<JsonNode> on = patch(driver.as("sam.ops", "demo"), "central", "{\"shareLeads\": true}");

            assertThat(on.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(on.getBody().get("id").asText()).isEqualTo("central");
            assertThat(on.getBody().get("name").asText()).isEqualTo("Central region");
            assertThat(on.getBody().get("shareLeads").asBoolean()).isTrue();
            assertThat(teams.findById("central").orElseThrow().sharesLeads()).isTrue();
            JsonNode listed = driver.as("anna.snelling", "demo").getForObject("/api/teams", JsonNode.class);
            assertThat(listed.findValuesAsText("id")).containsSubsequence("central", "east", "west");
            listed.forEach(team -> assertThat(team.get("shareLeads").asBoolean())
                    .as(team.get("id").asText()).isEqualTo(team.get("id").asText().equals("central")));
        } finally {
            patch(driver.admin(), "central", "{\"shareLeads\": false}");
        }
        assertThat(teams.findById("central").orElseThrow().sharesLeads()).isFalse();
    }

    @Test
    void anUnknownTeamAnswers404Problem() {
        ResponseEntity<JsonNode> answer = patch(driver.admin(), "atlantis", "{\"shareLeads\": true}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(answer);
        assertThat(answer.getBody().get("detail").asText()).contains("atlantis");
    }

    @Test
    void aBadBodyAnswers400NamingTheField() {
        assertBadField(patch(driver.admin(), "west", "{}"), "shareLeads");
        assertBadField(patch(driver.admin(), "west", "{\"shareLeads\": \"yes\"}"), "shareLeads");
        assertBadField(patch(driver.admin(), "west", "{\"shareLeads\": null}"), "shareLeads");
        assertBadField(patch(driver.admin(), "west", "[true]"), "shareLeads");
        assertBadField(patch(driver.admin(), "west", "{\"shareLeads\": true, \"name\": \"Wild West\"}"), "name");
        ResponseEntity<JsonNode> notJson = patch(driver.admin(), "west", "{\"shareLeads\": tru");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(notJson);

        assertThat(teams.findById("west").orElseThrow().sharesLeads()).as("nothing changed").isFalse();
        assertThat(teams.findById("west").orElseThrow().getName()).isEqualTo("West region");
    }

    private static void assertBadField(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(answer);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    private static ResponseEntity<JsonNode> patch(TestRestTemplate client, String team, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange("/api/teams/" + team, HttpMethod.PATCH, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
