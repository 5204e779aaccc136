package io.leadrouter.analytics;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.RoutingFixture;

/**
 * {@code GET /api/analytics/fairness} over leads routed by the real strategies on 6 May 2024, the
 * promise counted lead by lead among the reps each decision found eligible.
 */
@IntegrationTest
class FairnessApiTest {

    private static final String DAY = "from=2024-05-06&to=2024-05-06";

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    RoutingFixture routing;
    @Autowired
    LeadRouterDriver driver;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    /**
     * Round-robin in a team of three: 6 leads while all three take leads (each promised 1/3 of
     * each: 2 leads), 4 while cy is away (ann and bob promised 1/2 of each: 2 more each), then cy
     * is back and gets the next lead, as the longest waiting (each promised 1/3 of it). Of 11 leads
     * ann and bob got 4 each, promised 4 1/3 each (13/33 = 0.394 against 4/11 = 0.364: -1/33); cy
     * got 3, promised 2 1/3 (7/33 = 0.212 against 3/11 = 0.273: +2/33, the largest deviation). An
     * equal split of 11 among three would have blamed cy's absence on the rotation.
     */
    @Test
    void roundRobinPromisesEqualPartsAmongTheRepsEligibleForEachLead() {
        at("2024-05-06T10:00:00Z");
        String team = fixture.team(rep("ann"), rep("bob"), rep("cy"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        String cy = repId("cy", team);
        List<String> owners = new ArrayList<>(routing.routeMany(6, "round-robin", team));
        routing.available(cy, false);
        owners.addAll(routing.routeMany(4, "round-robin", team));
        routing.available(cy, true);
        owners.addAll(routing.routeMany(1, "round-robin", team));
        assertThat(owners).containsExactly(ann, bob, cy, ann, bob, cy, ann, bob, ann, bob, cy);
        at("2024-05-07T10:00:00Z");
        routing.routeMany(1, "round-robin", team);

        JsonNode answer = get("sam.ops", "demo", "/api/analytics/fairness?team=" + team + "&" + DAY);

        assertThat(answer.get("pools")).hasSize(1);
        JsonNode pool = answer.get("pools").get(0);
        assertThat(pool.get("team").asText()).isEqualTo(team);
        assertThat(pool.get("strategy").asText()).isEqualTo("round-robin");
        assertThat(pool.get("leads").asLong()).as("the next day's lead is outside the period").isEqualTo(11);
        assertThat(pool.get("exact").asBoolean()).isTrue();
        Map<String, JsonNode> reps = byRep(pool);
        assertShare(reps.get(ann), 4, 4.0 / 11, 13.0 / 3, 13.0 / 33, -1.0 / 33);
        assertShare(reps.get(bob), 4, 4.0 / 11, 13.0 / 3, 13.0 / 33, -1.0 / 33);
        assertShare(reps.get(cy), 3, 3.0 / 11, 7.0 / 3, 7.0 / 33, 2.0 / 33);
        assertThat(pool.get("largestDeviation").get("rep").asText()).isEqualTo(cy);
        assertThat(pool.get("largestDeviation").get("deviation").asDouble()).isCloseTo(2.0 / 33, within(1e-9));

        // the team's manager reads the pool; another team's manager and the reps do not
        assertThat(get(fixture.manager(team), AnalyticsFixture.PASSWORD, "/api/analytics/fairness?" + DAY)
                .get("pools").findValuesAsText("team")).containsOnly(team);
        String otherTeam = fixture.team(rep("dan"));
        assertThat(get(fixture.manager(otherTeam), AnalyticsFixture.PASSWORD, "/api/analytics/fairness?team=" + team
                + "&" + DAY).get("pools")).isEmpty();
        ResponseEntity<JsonNode> asRep = fixture.as(ann).getForEntity("/api/analytics/fairness?" + DAY, JsonNode.class);
        assertThat(asRep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Weighted round-robin with weights 1 and 3: promised a quarter and three quarters of each lead. */
    @Test
    void weightedRoundRobinPromisesSharesByWeight() {
        at("2024-05-06T11:00:00Z");
        String team = fixture.team(rep("dee"), rep("eve").weight(3));
        String dee = repId("dee", team);
        String eve = repId("eve", team);
        List<String> owners = routing.routeMany(8, "weighted-round-robin", team);
        long toDee = Collections.frequency(owners, dee);
        long toEve = Collections.frequency(owners, eve);
        assertThat(toDee + toEve).isEqualTo(8);

        JsonNode pool = get("sam.ops", "demo", "/api/analytics/fairness?team=" + team + "&" + DAY).get("pools").get(0);

        assertThat(pool.get("strategy").asText()).isEqualTo("weighted-round-robin");
        Map<String, JsonNode> reps = byRep(pool);
        assertShare(reps.get(dee), toDee, toDee / 8.0, 2.0, 0.25, toDee / 8.0 - 0.25);
        assertShare(reps.get(eve), toEve, toEve / 8.0, 6.0, 0.75, toEve / 8.0 - 0.75);
    }

    private static void assertShare(JsonNode rep, long leads, double share, double expectedLeads, double promised,
                                    double deviation) {
        assertThat(rep.get("leads").asLong()).as("leads").isEqualTo(leads);
        assertThat(rep.get("share").asDouble()).as("share").isCloseTo(share, within(1e-9));
        assertThat(rep.get("expectedLeads").asDouble()).as("expected leads").isCloseTo(expectedLeads, within(1e-9));
        assertThat(rep.get("promisedShare").asDouble()).as("promised share").isCloseTo(promised, within(1e-9));
        assertThat(rep.get("deviation").asDouble()).as("deviation").isCloseTo(deviation, within(1e-9));
    }

    private static Map<String, JsonNode> byRep(JsonNode pool) {
        return AnalyticsFixture.byField(pool.get("reps"), "rep");
    }

    private JsonNode get(String user, String password, String path) {
        return AnalyticsFixture.get(driver.as(user, password), path);
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
