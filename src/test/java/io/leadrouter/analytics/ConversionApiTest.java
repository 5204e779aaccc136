package io.leadrouter.analytics;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * {@code GET /api/analytics/conversion} on a month of known leads, counted by hand. Team T (ann,
 * bob) received 25 leads in March 2024 that went to a rep:
 *
 * <pre>
 * lead owner final        source   tier score first strategy        rule             deal
 * A1   ann   CONVERTED    Webinar  HOT   95   round-robin           East round-robin 1000
 * A2   ann   CONVERTED    Webinar  HOT   72   round-robin           East round-robin 2000
 * A3   ann   CONVERTED    Referral WARM  45   manual (after nobody) East round-robin  500
 * A4   ann   CONVERTED    Referral WARM  69   weighted-round-robin  East weighted     500
 * A5   ann   LOST         Webinar  HOT   70   round-robin (to bob, then reassigned by hand to ann)
 * A6   ann   LOST         Webinar  WARM  40   round-robin           East round-robin
 * A7   ann   LOST         Webinar  COLD  39   round-robin           East round-robin
 * A8   ann   LOST         Referral COLD  10   weighted-round-robin  East weighted
 * A9   ann   LOST         Referral COLD   0   weighted-round-robin  East weighted
 * A10  ann   LOST         Referral COLD   -   weighted-round-robin  East weighted
 * A11  ann   DISQUALIFIED Webinar  WARM  60   round-robin           East round-robin
 * A12  ann   NURTURE      Webinar  COLD  20   round-robin           East round-robin
 * A13  ann   (assigned)   Webinar  HOT   90   round-robin           East round-robin
 * A14  ann   (contacted)  Referral WARM  50   round-robin           East round-robin
 * B1   bob   CONVERTED    Webinar  HOT  100   round-robin           East round-robin 3000
 * B2   bob   CONVERTED    Referral WARM  65   round-robin           East round-robin 1500
 * B3   bob   CONVERTED    Referral WARM  41   weighted-round-robin  East weighted     250.50
 * B4   bob   LOST         Webinar  HOT   88   round-robin           East round-robin
 * B5   bob   LOST         Webinar  HOT   75   round-robin           East round-robin
 * B6   bob   LOST         Webinar  WARM  55   round-robin           East round-robin
 * B7   bob   LOST         Webinar  WARM  42   round-robin           East round-robin
 * B8   bob   LOST         Referral COLD  30   weighted-round-robin  East weighted
 * B9   bob   LOST         Referral COLD  25   weighted-round-robin  East weighted
 * B10  bob   LOST         Referral COLD  15   weighted-round-robin  East weighted
 * E1   (escalated to the manager) Webinar HOT 80 round-robin        East round-robin
 * </pre>
 *
 * Not counted: a lead ann converted that arrived on 29 February, one that arrived on 1 April, and
 * one closed at qualification that never went to a rep. Team U (cy) converted 2 of 3.
 * Decided = CONVERTED + LOST; DISQUALIFIED and NURTURE are counted apart; pending = still with a rep.
 */
@IntegrationTest
class ConversionApiTest {

    private static final Instant MARCH = Instant.parse("2024-03-01T08:00:00Z");
    private static final String MARCH_2024 = "from=2024-03-01&to=2024-03-31";
    private static final String RR = "round-robin";
    private static final String WRR = "weighted-round-robin";
    private static final String EAST_RR = "East round-robin";
    private static final String EAST_W = "East weighted";

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRouterDriver driver;

    private final AtomicInteger hour = new AtomicInteger();
    private String team;
    private String ann;
    private String bob;
    private String manager;
    private String otherTeam;
    private String cy;

    @BeforeEach
    void monthOfKnownLeads() {
        team = fixture.team(rep("ann"), rep("bob"));
        ann = repId("ann", team);
        bob = repId("bob", team);
        manager = fixture.manager(team);
        otherTeam = fixture.team(rep("cy"));
        cy = repId("cy", otherTeam);

        lead(ann, "CONVERTED", "1000", "Webinar", "HOT", 95, RR, EAST_RR);
        lead(ann, "CONVERTED", "2000", "Webinar", "HOT", 72, RR, EAST_RR);
        String a3 = lead(ann, "CONVERTED", "500", "Referral", "WARM", 45, null, EAST_RR);
        Instant a3Received = MARCH.plus(Duration.ofHours(hour.get()));
        fixture.decision(a3, a3Received.plusSeconds(60), team, RR, EAST_RR, null);
        fixture.decision(a3, a3Received.plusSeconds(3600), team, "manual", EAST_RR, ann);
        lead(ann, "CONVERTED", "500", "Referral", "WARM", 69, WRR, EAST_W);
        String a5 = lead(ann, "LOST", null, "Webinar", "HOT", 70, null, EAST_RR);
        Instant a5Received = MARCH.plus(Duration.ofHours(hour.get()));
        fixture.decision(a5, a5Received.plusSeconds(60), team, RR, EAST_RR, bob);
        fixture.decision(a5, a5Received.plusSeconds(600), team, "reassigned-by-hand", EAST_RR, ann);
        lead(ann, "LOST", null, "Webinar", "WARM", 40, RR, EAST_RR);
        lead(ann, "LOST", null, "Webinar", "COLD", 39, RR, EAST_RR);
        lead(ann, "LOST", null, "Referral", "COLD", 10, WRR, EAST_W);
        lead(ann, "LOST", null, "Referral", "COLD", 0, WRR, EAST_W);
        lead(ann, "LOST", null, "Referral", "COLD", null, WRR, EAST_W);
        lead(ann, "DISQUALIFIED", null, "Webinar", "WARM", 60, RR, EAST_RR);
        lead(ann, "NURTURE", null, "Webinar", "COLD", 20, RR, EAST_RR);
        lead(ann, null, null, "Webinar", "HOT", 90, RR, EAST_RR);
        lead(ann, "CONTACTED", null, "Referral", "WARM", 50, RR, EAST_RR);
        lead(bob, "CONVERTED", "3000", "Webinar", "HOT", 100, RR, EAST_RR);
        lead(bob, "CONVERTED", "1500", "Referral", "WARM", 65, RR, EAST_RR);
        lead(bob, "CONVERTED", "250.50", "Referral", "WARM", 41, WRR, EAST_W);
        lead(bob, "LOST", null, "Webinar", "HOT", 88, RR, EAST_RR);
        lead(bob, "LOST", null, "Webinar", "HOT", 75, RR, EAST_RR);
        lead(bob, "LOST", null, "Webinar", "WARM", 55, RR, EAST_RR);
        lead(bob, "LOST", null, "Webinar", "WARM", 42, RR, EAST_RR);
        lead(bob, "LOST", null, "Referral", "COLD", 30, WRR, EAST_W);
        lead(bob, "LOST", null, "Referral", "COLD", 25, WRR, EAST_W);
        lead(bob, "LOST", null, "Referral", "COLD", 15, WRR, EAST_W);
        Instant e1Received = MARCH.plus(Duration.ofHours(hour.incrementAndGet()));
        String e1 = fixture.lead(team).escalatedTo(manager).attributes("Webinar", "HOT", 80).rule(EAST_RR)
                .received(e1Received).firstAssigned(e1Received.plusSeconds(60)).save();
        fixture.decision(e1, e1Received.plusSeconds(60), team, RR, EAST_RR, ann);

        Instant february29 = Instant.parse("2024-02-29T23:59:59Z");
        fixture.lead(team).owner(ann).converted("9999").attributes("Webinar", "HOT", 95).rule(EAST_RR)
                .received(february29).firstAssigned(february29.plusSeconds(60)).save();
        Instant april1 = Instant.parse("2024-04-01T00:00:00Z");
        fixture.lead(team).owner(ann).converted("9999").attributes("Webinar", "HOT", 95).rule(EAST_RR)
                .received(april1).firstAssigned(april1.plusSeconds(60)).save();
        fixture.lead(team).outcome("DISQUALIFIED").attributes("Webinar", "COLD", 5).received(MARCH).save();

        for (String outcome : new String[] {"CONVERTED", "CONVERTED", "LOST"}) {
            Instant received = MARCH.plus(Duration.ofHours(hour.incrementAndGet()));
            var row = fixture.lead(otherTeam).owner(cy).attributes("Webinar", "HOT", 90).rule(EAST_RR)
                    .received(received).firstAssigned(received.plusSeconds(60));
            String id = "CONVERTED".equals(outcome) ? row.converted("100").save() : row.outcome(outcome).save();
            fixture.decision(id, received.plusSeconds(60), otherTeam, RR, EAST_RR, cy);
        }
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void theTeamConvertedSevenOfTwentyDecidedLeads() {
        JsonNode answer = get(sales(), "/api/analytics/conversion?by=team&" + MARCH_2024);

        assertThat(answer.get("from").asText()).isEqualTo("2024-03-01");
        assertThat(answer.get("to").asText()).isEqualTo("2024-03-31");
        assertThat(answer.get("scope").asText()).isEqualTo("every team");
        JsonNode t = byKey(answer).get(team);
        assertCounts(t, 25, 7, 13, 1, 1, 3);
        assertThat(t.get("revenue").decimalValue()).isEqualByComparingTo("8750.50");
        // 7 of 20 converted -> 0.35, Wilson 95 % [0.181, 0.567]
        assertRate(t, 0.35, 0.1812, 0.5671);
        JsonNode u = byKey(answer).get(otherTeam);
        assertCounts(u, 3, 2, 1, 0, 0, 0);
        // 2 of 3 -> 0.667, Wilson 95 % [0.208, 0.939]
        assertRate(u, 2.0 / 3, 0.2077, 0.9385);
    }

    @Test
    void eachRepIsCreditedWithTheLeadsTheyHoldAndAManagersLeadsHaveNoRep() {
        Map<String, JsonNode> reps = byKey(get(sales(), "/api/analytics/conversion?by=rep&team=" + team + "&"
                + MARCH_2024));

        assertThat(reps).containsOnlyKeys(ann, bob, "");
        assertCounts(reps.get(ann), 14, 4, 6, 1, 1, 2);
        assertThat(reps.get(ann).get("name").asText()).isEqualTo("ann Test");
        assertThat(reps.get(ann).get("team").asText()).isEqualTo(team);
        assertThat(reps.get(ann).get("revenue").decimalValue()).isEqualByComparingTo("4000");
        // 4 of 10 -> 0.4 [0.168, 0.687]; 3 of 10 -> 0.3 [0.108, 0.603]
        assertRate(reps.get(ann), 0.4, 0.1682, 0.6873);
        assertCounts(reps.get(bob), 10, 3, 7, 0, 0, 0);
        assertRate(reps.get(bob), 0.3, 0.1078, 0.6032);
        assertCounts(reps.get(""), 1, 0, 0, 0, 0, 1);
        assertThat(reps.get("").has("conversion")).as("nothing decided, no rate").isFalse();
    }

    @Test
    void byTierSourceStrategyAndRule() {
        Map<String, JsonNode> tiers = byKey(get(sales(), query("tier")));
        assertThat(tiers).containsOnlyKeys("HOT", "WARM", "COLD");
        assertCounts(tiers.get("HOT"), 8, 3, 3, 0, 0, 2);
        assertRate(tiers.get("HOT"), 0.5, 0.1876, 0.8124);
        assertCounts(tiers.get("WARM"), 9, 4, 3, 1, 0, 1);
        assertCounts(tiers.get("COLD"), 8, 0, 7, 0, 1, 0);
        // 0 of 7 -> 0 [0, 0.354]
        assertRate(tiers.get("COLD"), 0.0, 0.0, 0.3543);

        Map<String, JsonNode> sources = byKey(get(sales(), query("source")));
        assertThat(sources).containsOnlyKeys("Webinar", "Referral");
        assertCounts(sources.get("Webinar"), 14, 3, 7, 1, 1, 2);
        assertCounts(sources.get("Referral"), 11, 4, 6, 0, 0, 1);

        // the strategy that first gave the lead to a rep: A3 manual after round-robin found nobody,
        // A5 round-robin though reassigned by hand later, E1 round-robin though now escalated
        Map<String, JsonNode> strategies = byKey(get(sales(), query("strategy")));
        assertThat(strategies).containsOnlyKeys(RR, WRR, "manual");
        assertCounts(strategies.get(RR), 16, 4, 7, 1, 1, 3);
        assertCounts(strategies.get(WRR), 8, 2, 6, 0, 0, 0);
        // 2 of 8 -> 0.25 [0.072, 0.591]
        assertRate(strategies.get(WRR), 0.25, 0.0715, 0.5907);
        assertCounts(strategies.get("manual"), 1, 1, 0, 0, 0, 0);

        Map<String, JsonNode> rules = byKey(get(sales(), query("rule")));
        assertThat(rules).containsOnlyKeys(EAST_RR, EAST_W);
        assertCounts(rules.get(EAST_RR), 17, 5, 7, 1, 1, 3);
        assertCounts(rules.get(EAST_W), 8, 2, 6, 0, 0, 0);
    }

    @Test
    void scoreBandsOfTenPointsFollowTheTierCutOffs() {
        JsonNode answer = get(sales(), query("scoreBand"));
        Map<String, JsonNode> bands = byKey(answer);

        assertThat(answer.get("groups").findValuesAsText("key")).as("in score order, no score last")
                .containsExactly("0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89",
                        "90-100");
        assertThat(answer.get("groups").get(10).has("key")).isFalse();
        assertCounts(bands.get("0-9"), 1, 0, 1, 0, 0, 0);
        assertCounts(bands.get("20-29"), 2, 0, 1, 0, 1, 0);
        assertCounts(bands.get("30-39"), 2, 0, 2, 0, 0, 0);
        assertCounts(bands.get("40-49"), 4, 2, 2, 0, 0, 0);
        assertCounts(bands.get("60-69"), 3, 2, 0, 1, 0, 0);
        assertCounts(bands.get("70-79"), 3, 1, 2, 0, 0, 0);
        assertCounts(bands.get("90-100"), 3, 2, 0, 0, 0, 1);
        assertCounts(bands.get(""), 1, 0, 1, 0, 0, 0);
        assertCounts(answer.get("total"), 25, 7, 13, 1, 1, 3);
    }

    @Test
    void withoutDatesTheLast90DaysCount() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-03-31T12:00:00Z")));

        JsonNode answer = get(sales(), "/api/analytics/conversion?by=team&team=" + team);

        assertThat(answer.get("from").asText()).isEqualTo("2024-01-02");
        assertThat(answer.get("to").asText()).isEqualTo("2024-03-31");
        assertCounts(byKey(answer).get(team), 26, 8, 13, 1, 1, 3);
    }

    @Test
    void aRepReadsTheirOwnLeadsOnlyAndNoTeamFigures() {
        JsonNode mine = get(fixture.as(ann), "/api/analytics/conversion?by=rep&" + MARCH_2024);
        assertThat(byKey(mine)).containsOnlyKeys(ann);
        assertThat(mine.get("scope").asText()).isEqualTo("your own leads");
        assertCounts(mine.get("total"), 14, 4, 6, 1, 1, 2);

        JsonNode myTiers = get(fixture.as(ann), "/api/analytics/conversion?by=tier&" + MARCH_2024);
        assertCounts(myTiers.get("total"), 14, 4, 6, 1, 1, 2);
        assertCounts(byKey(myTiers).get("HOT"), 4, 2, 1, 0, 0, 1);

        // asking for the colleague's team changes nothing: still only ann's leads
        assertCounts(get(fixture.as(ann), "/api/analytics/conversion?by=rep&team=" + team + "&" + MARCH_2024)
                .get("total"), 14, 4, 6, 1, 1, 2);
        ResponseEntity<JsonNode> teams = fixture.as(ann).getForEntity("/api/analytics/conversion?by=team", JsonNode.class);
        assertThat(teams.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teams.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void aManagerReadsTheirTeamAndNothingOfAnother() {
        JsonNode reps = get(fixture.as(manager), "/api/analytics/conversion?by=rep&" + MARCH_2024);
        assertThat(byKey(reps)).containsOnlyKeys(ann, bob, "");
        assertCounts(reps.get("total"), 25, 7, 13, 1, 1, 3);
        assertThat(byKey(get(fixture.as(manager), "/api/analytics/conversion?by=team&" + MARCH_2024)))
                .containsOnlyKeys(team);

        String otherManager = fixture.manager(otherTeam);
        JsonNode none = get(fixture.as(otherManager), "/api/analytics/conversion?by=rep&team=" + team + "&"
                + MARCH_2024);
        assertThat(none.get("groups")).isEmpty();
        assertCounts(none.get("total"), 0, 0, 0, 0, 0, 0);
        assertThat(driver.anonymous().getForEntity("/api/analytics/conversion", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreNamedInA400() {
        assertBadParameter("/api/analytics/conversion?by=colour", "by");
        assertBadParameter("/api/analytics/conversion?by=tier&from=last-week", "from");
        assertBadParameter("/api/analytics/conversion?to=2024-02-30", "to");
        assertBadParameter("/api/analytics/conversion?from=2024-03-02&to=2024-03-01", "from");
        assertBadParameter("/api/analytics/response?by=tier", "by");
        assertBadParameter("/api/analytics/pending?by=strategy", "by");
        assertBadParameter("/api/analytics/fairness?from=2024-13-01", "from");
    }

    private void assertBadParameter(String path, String parameter) {
        ResponseEntity<JsonNode> answer = sales().getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(path).isTrue();
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(path).containsExactly(parameter);
    }

    /** A lead of team T received in March (an hour after the last), first given to a rep a minute later. */
    private String lead(String owner, String outcome, String dealValue, String source, String tier, Integer score,
                        String strategy, String rule) {
        Instant received = MARCH.plus(Duration.ofHours(hour.incrementAndGet()));
        var row = fixture.lead(team).owner(owner).attributes(source, tier, score).rule(rule).received(received)
                .firstAssigned(received.plusSeconds(60));
        if (dealValue != null) {
            row.converted(dealValue);
        } else if (outcome != null) {
            row.outcome(outcome);
        }
        String id = row.save();
        if (strategy != null) {
            fixture.decision(id, received.plusSeconds(60), team, strategy, rule, owner);
        }
        return id;
    }

    private String query(String by) {
        return "/api/analytics/conversion?by=" + by + "&team=" + team + "&" + MARCH_2024;
    }

    private TestRestTemplate sales() {
        return fixture.salesOps();
    }

    private static JsonNode get(TestRestTemplate client, String path) {
        return AnalyticsFixture.get(client, path);
    }

    /** The groups by key; a group without a key as "". */
    private static Map<String, JsonNode> byKey(JsonNode answer) {
        return AnalyticsFixture.byField(answer.get("groups"), "key");
    }

    private static void assertCounts(JsonNode group, long routed, long converted, long lost, long disqualified,
                                     long nurture, long pending) {
        assertThat(group.get("routed").asLong()).as("routed").isEqualTo(routed);
        assertThat(group.get("converted").asLong()).as("converted").isEqualTo(converted);
        assertThat(group.get("lost").asLong()).as("lost").isEqualTo(lost);
        assertThat(group.get("decided").asLong()).as("decided").isEqualTo(converted + lost);
        assertThat(group.get("disqualified").asLong()).as("disqualified").isEqualTo(disqualified);
        assertThat(group.get("nurture").asLong()).as("nurture").isEqualTo(nurture);
        assertThat(group.get("pending").asLong()).as("pending").isEqualTo(pending);
    }

    private static void assertRate(JsonNode group, double rate, double low, double high) {
        JsonNode conversion = group.get("conversion");
        assertThat(conversion.get("rate").asDouble()).as("rate").isCloseTo(rate, within(1e-9));
        assertThat(conversion.get("low").asDouble()).as("low").isCloseTo(low, within(0.0001));
        assertThat(conversion.get("high").asDouble()).as("high").isCloseTo(high, within(0.0001));
    }
}
