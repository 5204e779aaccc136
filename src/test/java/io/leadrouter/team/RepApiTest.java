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

    @Test
    void salesOpsChangeRoutingSettingsAndRepsCannot() {
        ResponseEntity<JsonNode> byOps = patch(driver.as("sam.ops", "demo"), "violet.mclelland", """
                {"weight": 3, "seniority": 2, "maxOpen": 12, "dailyCap": 5, "timeZone": "Europe/London",
                 "workStart": "08:00", "workEnd": "16:30", "workDays": "MON,TUE,WED,THU"}""");
        ResponseEntity<JsonNode> bySelf = patch(driver.as("violet.mclelland", "demo"), "violet.mclelland",
                "{\"weight\": 10}");

        assertThat(byOps.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byOps.getBody().get("weight").asInt()).isEqualTo(3);
        assertThat(byOps.getBody().get("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(bySelf.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Rep stored = reps.findById("violet.mclelland").orElseThrow();
        assertThat(stored.getWeight()).isEqualTo(3);
        assertThat(stored.getMaxOpen()).isEqualTo(12);
        assertThat(stored.getWorkDays()).isEqualTo("MON,TUE,WED,THU");

        patch(driver.admin(), "violet.mclelland", """
                {"weight": 1, "seniority": 1, "maxOpen": -1, "dailyCap": -1, "timeZone": "America/New_York",
                 "workStart": "09:00", "workEnd": "17:00", "workDays": "MON,TUE,WED,THU,FRI"}""");
        assertThat(reps.findById("violet.mclelland").orElseThrow().getMaxOpen()).isNull();
    }

    @Test
    void badSettingsAreNamed() {
        ResponseEntity<JsonNode> types = patch(driver.admin(), "anna.snelling",
                "{\"weight\": \"heavy\", \"active\": \"yes\", \"colour\": \"red\"}");
        ResponseEntity<JsonNode> zone = patch(driver.admin(), "anna.snelling", "{\"timeZone\": \"Mars/Olympus\"}");
        ResponseEntity<JsonNode> hours = patch(driver.admin(), "anna.snelling",
                "{\"workStart\": \"18:00\", \"workEnd\": \"09:00\"}");

        assertThat(types.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(types.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("weight", "active", "colour");
        assertThat(zone.getBody().get("errors").get(0).get("message").asText()).contains("unknown time zone");
        assertThat(hours.getBody().get("errors").get(0).get("message").asText()).contains("must start before");
        assertThat(reps.findById("anna.snelling").orElseThrow().getTimeZone()).isEqualTo("America/Chicago");
    }

    @Test
    void settingsThatWouldNotFitTheirColumnsAre400NamingTheField() {
        ResponseEntity<JsonNode> nanos = patch(driver.admin(), "anna.snelling",
                "{\"workStart\": \"09:00:00.000000001\", \"workEnd\": \"25:00\", \"weight\": 101}");

        assertThat(nanos.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nanos.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(nanos.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("workStart", "workEnd", "weight");
        assertThat(reps.findById("anna.snelling").orElseThrow().getWorkStart()).hasSize(5);
    }

    @Test
    void workingDaysAreStoredInTheirShortFormWhateverTheirSpelling() {
        String days = "monda,tuesday,wednesday,thursday,friday,saturday,sun"; // 52 characters, column 40
        assertThat(days).hasSize(52);

        Rep before = reps.findById("cecily.lampkin").orElseThrow();
        try {
            ResponseEntity<JsonNode> updated = patch(driver.admin(), "cecily.lampkin",
                    "{\"workDays\": \"" + days + "\", \"workStart\": \"8:30\"}");

            assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
            Rep stored = reps.findById("cecily.lampkin").orElseThrow();
            assertThat(stored.getWorkDays()).isEqualTo("MON,TUE,WED,THU,FRI,SAT,SUN");
            assertThat(stored.getWorkStart()).isEqualTo("08:30");
        } finally {
            patch(driver.admin(), "cecily.lampkin", "{\"workDays\": \"" + before.getWorkDays()
                    + "\", \"workStart\": \"" + before.getWorkStart() + "\"}");
        }
    }

    @Test
    void repPlansAnAbsenceAndCancelsIt() {
        TestRestTemplate rep = driver.as("garret.kinder", "demo");
        ResponseEntity<JsonNode> created = rep.postForEntity("/api/reps/garret.kinder/absences", json("""
                {"startsAt": "2099-12-24T00:00:00Z", "endsAt": "2100-01-02T00:00:00Z", "reason": "holidays"}"""),
                JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        assertThat(rep.getForObject("/api/reps/garret.kinder/absences", JsonNode.class).findValuesAsText("id"))
                .contains(id);
        ResponseEntity<JsonNode> backwards = rep.postForEntity("/api/reps/garret.kinder/absences", json("""
                {"startsAt": "2099-12-24T00:00:00Z", "endsAt": "2099-12-01T00:00:00Z"}"""), JsonNode.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> forSomeoneElse = driver.as("anna.snelling", "demo").postForEntity(
                "/api/reps/garret.kinder/absences", json("""
                        {"startsAt": "2099-12-24T00:00:00Z", "endsAt": "2100-01-02T00:00:00Z"}"""), JsonNode.class);
        assertThat(forSomeoneElse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        rep.delete("/api/reps/garret.kinder/absences/" + id);

        assertThat(rep.getForObject("/api/reps/garret.kinder/absences", JsonNode.class)).isEmpty();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static ResponseEntity<JsonNode> patch(TestRestTemplate client, String rep, String body) {
        return client.exchange("/api/reps/" + rep, HttpMethod.PATCH, json(body), JsonNode.class);
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate client, String rep, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange("/api/reps/" + rep + "/availability", HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
