package io.leadrouter.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.sla.SlaFixture;

/**
 * {@code GET /api/stats/reps} and {@code /teams} over a day of a team of three: a lead answered
 * in time, a lead whose rep let it lapse and whose second rep answered, and a lead still open.
 */
@IntegrationTest
class StatsApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void repAndTeamTotalsCountEachAssignmentWithSlaRateAndDelays() {
        String team = fixture.team("celia.rouche", "ann", "bob", "cid");
        String ann = SlaFixture.repId("ann", team);
        String bob = SlaFixture.repId("bob", team);
        String cid = SlaFixture.repId("cid", team);

        // received 10:00, routed 10:01 to ann, answered 10:06: met, routing delay 60 s, rep delay 300 s
        at("2024-06-04T10:00:00Z");
        String answered = fixture.lead("HOT");
        at("2024-06-04T10:01:00Z");
        fixture.routeAndStart(answered, team);
        at("2024-06-04T10:06:00Z");
        driver.complete(driver.taskOf(answered), Map.of("outcome", "CONTACTED"));

        // 10:10 to bob, who lets it lapse; cid gets it at 10:25:01 and answers five minutes later
        at("2024-06-04T10:10:00Z");
        String lapsed = fixture.lead("HOT");
        fixture.routeAndStart(lapsed, team);
        at("2024-06-04T10:25:01Z");
        driver.runJobs();
        assertThat(driver.lead(lapsed).get("owner").asText()).isEqualTo(cid);
        at("2024-06-04T10:30:01Z");
        driver.complete(driver.taskOf(lapsed), Map.of("outcome", "LOST", "lostReason", "NO_RESPONSE"));

        // 10:40 to ann again (her turn), still open
        at("2024-06-04T10:40:00Z");
        String open = fixture.lead("WARM");
        fixture.routeAndStart(open, team);
        assertThat(driver.lead(open).get("owner").asText()).isEqualTo(ann);

        Map<String, JsonNode> reps = byKey(get("/api/stats/reps?from=2024-06-04&to=2024-06-04").get("reps"), "rep");
        assertThat(reps).containsKeys(ann, bob, cid);
        assertTotals(reps.get(ann), 2, 1, 1, 1, 0, 1.0);
        assertDelay(reps.get(ann).get("routingDelay"), 30.0, 30.0);
        assertDelay(reps.get(ann).get("repDelay"), 300.0, 300.0);
        assertThat(reps.get(ann).get("name").asText()).isEqualTo("ann Test");
        assertThat(reps.get(ann).get("team").asText()).isEqualTo(team);
        assertTotals(reps.get(bob), 1, 0, 0, 0, 1, 0.0);
        assertDelay(reps.get(bob).get("routingDelay"), 0.0, 0.0);
        assertThat(reps.get(bob).get("repDelay").isEmpty()).as("bob never responded").isTrue();
        assertTotals(reps.get(cid), 1, 1, 0, 1, 0, 1.0);
        assertThat(reps.get(cid).get("routingDelay").isEmpty()).as("a reassignment has no routing delay").isTrue();
        assertDelay(reps.get(cid).get("repDelay"), 300.0, 300.0);

        JsonNode teamTotals = byKey(get("/api/stats/teams?from=2024-06-04T00:00:00Z&to=2024-06-05T00:00:00Z")
            .get("teams"), "team").get(team);
        assertTotals(teamTotals, 4, 2, 1, 2, 1, 2.0 / 3);
        assertDelay(teamTotals.get("routingDelay"), 20.0, 0.0);
        assertDelay(teamTotals.get("repDelay"), 300.0, 300.0);

        // the window counts assignments made in it, nothing else
        assertThat(byKey(get("/api/stats/teams?from=2024-06-05").get("teams"), "team")).doesNotContainKey(team);
        assertThat(byKey(get("/api/stats/teams?to=2024-06-03").get("teams"), "team")).doesNotContainKey(team);

        // the lead shows its own measures
        JsonNode lapsedLead = driver.lead(lapsed);
        assertThat(lapsedLead.get("slaMet").asBoolean()).isFalse();
        assertThat(lapsedLead.get("repDelaySeconds").asLong()).as("from bob's assignment to cid's answer")
            .isEqualTo(1201);
    }

    @Test
    void aWindowThatIsNoDateAnswersBadRequest() {
        ResponseEntity<JsonNode> answer = driver.admin().getForEntity("/api/stats/reps?from=last-week", JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).contains("from must be a date");
    }

    @Test
    void statisticsNeedCredentials() {
        assertThat(driver.anonymous().getForEntity("/api/stats/teams", String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void at(String instant) {
        fixture.setClock(Instant.parse(instant));
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = driver.admin().getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
        Map<String, JsonNode> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.get(key).asText(), row));
        return byKey;
    }

    private static void assertTotals(JsonNode totals, long assigned, long responded, long open, long met,
                                     long breached, double rate) {
        assertThat(totals.get("assigned").asLong()).as("assigned").isEqualTo(assigned);
        assertThat(totals.get("responded").asLong()).as("responded").isEqualTo(responded);
        assertThat(totals.get("open").asLong()).as("open").isEqualTo(open);
        assertThat(totals.get("slaMet").asLong()).as("slaMet").isEqualTo(met);
        assertThat(totals.get("slaBreached").asLong()).as("slaBreached").isEqualTo(breached);
        assertThat(totals.get("slaMetRate").asDouble()).as("slaMetRate").isCloseTo(rate,
            org.assertj.core.data.Offset.offset(1e-9));
    }

    private static void assertDelay(JsonNode delay, double average, double median) {
        assertThat(delay.get("averageSeconds").asDouble()).as("average").isEqualTo(average);
        assertThat(delay.get("medianSeconds").asDouble()).as("median").isEqualTo(median);
    }
}
