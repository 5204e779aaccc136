package io.leadrouter.analytics;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;

/**
 * {@code GET /api/analytics/response} (speed to lead and the response SLA) and
 * {@code GET /api/analytics/pending} (outcomes pending by age) on known data, worked out by hand.
 */
@IntegrationTest
class ResponseAndPendingApiTest {

    @Autowired
    AnalyticsFixture fixture;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    /**
     * Ann's five assignments on 10 April 2024: routing delays 10, 20, 30, 40 s (the fifth was a
     * reassignment: none), rep delays 60, 120, 180, 240, 600 s, the last one late. Bob's one
     * assignment, routed in 5 s, is still open.
     *
     * <ul>
     * <li>ann's routing delay: median of 10, 20, 30, 40 = 25; p90 at position 0.9 × 3 = 2.7: 30 + 0.7 × 10 = 37</li>
     * <li>ann's rep delay: median 180; p90 at 0.9 × 4 = 3.6: 240 + 0.6 × 360 = 456; average 240</li>
     * <li>ann's SLA: 4 met of 5 -> 0.8, Wilson 95 % [0.376, 0.964]</li>
     * <li>the team's routing delay over 5, 10, 20, 30, 40: median 20, p90 at 3.6: 30 + 0.6 × 10 = 36</li>
     * </ul>
     */
    @Test
    void delaysHaveMedianAndP90ApartAndTheSlaRateItsInterval() {
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        Instant day = Instant.parse("2024-04-10T09:00:00Z");
        long[][] annClocks = {{10, 60}, {20, 120}, {30, 180}, {40, 240}, {-1, 600}};
        for (int i = 0; i < annClocks.length; i++) {
            Instant at = day.plus(Duration.ofHours(i));
            String lead = fixture.lead(team).owner(ann).received(at).firstAssigned(at).save();
            fixture.clock(lead, ann, team, at, i == 4 ? "BREACHED" : "MET", annClocks[i][0] < 0 ? null : annClocks[i][0],
                    annClocks[i][1]);
        }
        String bobs = fixture.lead(team).owner(bob).received(day).firstAssigned(day).save();
        fixture.clock(bobs, bob, team, day, "OPEN", 5L, null);

        JsonNode reps = get(sales(), "/api/analytics/response?by=rep&team=" + team + "&from=2024-04-10&to=2024-04-10");
        Map<String, JsonNode> byRep = byKey(reps, "rep");
        assertThat(byRep).containsOnlyKeys(ann, bob);
        JsonNode annRow = byRep.get(ann);
        assertThat(annRow.get("name").asText()).isEqualTo("ann Test");
        assertThat(annRow.get("assigned").asLong()).isEqualTo(5);
        assertThat(annRow.get("slaMet").asLong()).isEqualTo(4);
        assertThat(annRow.get("slaBreached").asLong()).isEqualTo(1);
        assertThat(annRow.get("slaMetInterval").get("rate").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(annRow.get("slaMetInterval").get("low").asDouble()).isCloseTo(0.3755, within(0.0001));
        assertThat(annRow.get("slaMetInterval").get("high").asDouble()).isCloseTo(0.9638, within(0.0001));
        assertDelay(annRow.get("routingDelay"), 25, 25, 37);
        assertDelay(annRow.get("repDelay"), 240, 180, 456);
        JsonNode bobRow = byRep.get(bob);
        assertThat(bobRow.get("open").asLong()).isEqualTo(1);
        assertThat(bobRow.has("slaMetInterval")).as("nothing decided yet").isFalse();
        assertDelay(bobRow.get("routingDelay"), 5, 5, 5);

        JsonNode teamRow = byKey(get(sales(), "/api/analytics/response?by=team&team=" + team
                + "&from=2024-04-10&to=2024-04-10"), "team").get(team);
        assertThat(teamRow.get("assigned").asLong()).isEqualTo(6);
        assertDelay(teamRow.get("routingDelay"), 21, 20, 36);
        assertDelay(teamRow.get("repDelay"), 240, 180, 456);

        // bob reads his own row and no team figures; the team's manager reads the team
        assertThat(byKey(get(fixture.as(bob), "/api/analytics/response?from=2024-04-10&to=2024-04-10"), "rep"))
                .containsOnlyKeys(bob);
        assertThat(fixture.as(bob).getForEntity("/api/analytics/response?by=team", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byKey(get(fixture.as(fixture.manager(team)),
                "/api/analytics/response?by=team&from=2024-04-10&to=2024-04-10"), "team")).containsOnlyKeys(team);
    }

    /**
     * At noon on 10 May 2024: ann has a lead assigned 18 hours ago and one contacted, first assigned
     * exactly 3 days ago; bob one assigned exactly a day ago and one contacted 100 days ago; the
     * manager holds an escalated lead first assigned 12 days ago. Closed leads are not pending.
     */
    @Test
    void pendingOutcomesByAgeSinceTheLeadFirstWentToARep() {
        Instant now = Instant.parse("2024-05-10T12:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        String manager = fixture.manager(team);
        pending(fixture.lead(team).owner(ann), now.minus(Duration.ofHours(18)));
        pending(fixture.lead(team).owner(ann).outcome("CONTACTED"), now.minus(Duration.ofDays(3)));
        pending(fixture.lead(team).owner(bob), now.minus(Duration.ofDays(1)));
        pending(fixture.lead(team).owner(bob).outcome("CONTACTED"), now.minus(Duration.ofDays(100)));
        pending(fixture.lead(team).escalatedTo(manager), now.minus(Duration.ofDays(12)));
        pending(fixture.lead(team).owner(bob).converted("100"), now.minus(Duration.ofDays(2)));
        pending(fixture.lead(team).owner(ann).outcome("LOST"), now.minus(Duration.ofDays(2)));

        JsonNode answer = get(sales(), "/api/analytics/pending?by=rep&team=" + team);
        assertThat(answer.get("at").asText()).isEqualTo("2024-05-10T12:00:00Z");
        Map<String, JsonNode> byHolder = byKey(answer, "key");
        assertThat(byHolder).containsOnlyKeys(ann, bob, manager);
        assertPending(byHolder.get(ann), 2, 1, 1, 0, Map.of("under 1 day", 1L, "3-7 days", 1L));
        assertPending(byHolder.get(bob), 2, 1, 1, 0, Map.of("1-3 days", 1L, "90 days or more", 1L));
        assertPending(byHolder.get(manager), 1, 0, 0, 1, Map.of("7-30 days", 1L));

        JsonNode teamRow = byKey(get(sales(), "/api/analytics/pending?by=team&team=" + team), "key").get(team);
        assertPending(teamRow, 5, 2, 2, 1, Map.of("under 1 day", 1L, "1-3 days", 1L, "3-7 days", 1L,
                "7-30 days", 1L, "90 days or more", 1L));

        assertThat(byKey(get(fixture.as(ann), "/api/analytics/pending"), "key")).containsOnlyKeys(ann);
        assertThat(fixture.as(ann).getForEntity("/api/analytics/pending?by=team", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void pending(AnalyticsFixture.LeadRow lead, Instant firstAssigned) {
        lead.received(firstAssigned.minusSeconds(60)).firstAssigned(firstAssigned).save();
    }

    private static void assertPending(JsonNode row, long leads, long awaiting, long contacted, long escalated,
                                      Map<String, Long> ages) {
        assertThat(row.get("leads").asLong()).as("leads").isEqualTo(leads);
        assertThat(row.get("awaitingResponse").asLong()).as("awaiting response").isEqualTo(awaiting);
        assertThat(row.get("contacted").asLong()).as("contacted").isEqualTo(contacted);
        assertThat(row.get("escalated").asLong()).as("escalated").isEqualTo(escalated);
        Map<String, Long> byAge = new LinkedHashMap<>();
        row.get("byAge").fields().forEachRemaining(age -> byAge.put(age.getKey(), age.getValue().asLong()));
        assertThat(byAge.keySet()).as("every bucket, youngest first").containsExactly("under 1 day", "1-3 days",
                "3-7 days", "7-30 days", "30-90 days", "90 days or more");
        byAge.forEach((bucket, count) -> assertThat(count).as(bucket).isEqualTo(ages.getOrDefault(bucket, 0L)));
    }

    private static void assertDelay(JsonNode delay, double average, double median, double p90) {
        assertThat(delay.get("averageSeconds").asDouble()).as("average").isCloseTo(average, within(1e-9));
        assertThat(delay.get("medianSeconds").asDouble()).as("median").isCloseTo(median, within(1e-9));
        assertThat(delay.get("p90Seconds").asDouble()).as("p90").isCloseTo(p90, within(1e-9));
    }

    private TestRestTemplate sales() {
        return fixture.salesOps();
    }

    private static JsonNode get(TestRestTemplate client, String path) {
        return AnalyticsFixture.get(client, path);
    }

    private static Map<String, JsonNode> byKey(JsonNode answer, String key) {
        return AnalyticsFixture.byField(answer.get("groups"), key);
    }
}
