package io.leadrouter.forecast;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.analytics.AnalyticsFixture;
import io.leadrouter.team.RepAbsence;
import io.leadrouter.team.RepAbsenceRepository;

/**
 * {@code GET /api/analytics/forecast} on Monday 7 January 2030, 09:00, for a team whose twelve
 * weeks of history are those of {@link BacktestTest}: Mondays two or four HOT leads (ann's),
 * Wednesdays one COLD lead (bob's).
 *
 * <ul>
 * <li>HOT decided: 3 converted at 1,000 and 3 lost (rate 0.5, deal 1,000); COLD: 1 converted at 200
 * and 9 lost (rate 0.1, deal 200); every other lead of the history closed in nurture, but those of
 * the last week: ann's two HOT leads are assigned, bob's COLD one contacted (open).</li>
 * <li>Open: conversions 0.5 + 0.5 + 0.1 = 1.1 (variance 0.25 + 0.25 + 0.09 = 0.59), revenue 1,020
 * (variance 0.25 × 1,000² × 2 + 0.09 × 200² = 503,600).</li>
 * <li>Arrivals: 32 in the last 8 weeks, 4 a week; 24 HOT and 8 COLD, so an arrival converts with
 * (24 × 0.5 + 8 × 0.1) / 32 = 0.4 and brings (24 × 500 + 8 × 20) / 32 = 380, E[value²] =
 * (24 × 0.5 × 1,000² + 8 × 0.1 × 200²) / 32 = 376,000.</li>
 * <li>4 weeks: 16 arrivals [16 ± 1.96 × 4 = 8.16, 23.84]; conversions 1.1 + 6.4 = 7.5, variance 6.99,
 * [2.318, 12.682]; revenue 1,020 + 6,080 = 7,100, variance 503,600 + 16 × 376,000 = 6,519,600,
 * [2,095.525, 12,104.475].</li>
 * <li>12 weeks: conversions 1.1 + 19.2 = 20.3, variance 19.79, [11.581, 29.019].</li>
 * <li>ann (3/4 of the arrivals, HOT): 4 weeks 12 arrivals, conversions 1.0 + 6 = 7.0, revenue 1,000 +
 * 6,000 = 7,000; bob (1/4, COLD): 4 arrivals, conversions 0.1 + 0.4 = 0.5, variance 0.49, [0, 1.872].</li>
 * <li>Backtest: MAPE 0.1875 over 8 days.</li>
 * </ul>
 */
@IntegrationTest
class ForecastApiTest {

    private static final Instant NOW = Instant.parse("2030-01-07T09:00:00Z");
    private static final Instant END = Instant.parse("2030-01-07T00:00:00Z");

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepAbsenceRepository absences;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void openLeadsAndSeasonalArrivalsGiveConversionsAndRevenueWithIntervals() {
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        twelveWeeksOfHistory(team, ann, bob);
        ClockUtil.setCurrentTime(Date.from(NOW));

        JsonNode answer = get("sam.ops", "demo", "/api/analytics/forecast?team=" + team);

        assertThat(answer.get("historyFrom").asText()).isEqualTo("2029-10-15");
        assertThat(answer.get("historyTo").asText()).isEqualTo("2030-01-06");
        assertThat(answer.get("teams")).hasSize(1);
        JsonNode forecast = answer.get("teams").get(0);
        assertThat(forecast.get("team").asText()).isEqualTo(team);
        assertThat(forecast.get("openLeads").asLong()).isEqualTo(3);
        assertThat(forecast.get("weeklyArrivals").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(forecast.get("tiers").get("HOT").get("decided").asLong()).isEqualTo(6);
        assertThat(forecast.get("tiers").get("HOT").get("conversionRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(forecast.get("tiers").get("COLD").get("averageDealValue").asDouble()).isCloseTo(200, within(1e-9));
        assertThat(forecast.get("backtest").get("mape").asDouble()).isCloseTo(0.1875, within(1e-9));
        assertThat(forecast.get("backtest").get("days").asInt()).isEqualTo(8);

        Map<Integer, JsonNode> horizons = byWeeks(forecast);
        assertThat(horizons).containsOnlyKeys(4, 8, 12);
        assertEstimate(horizons.get(4).get("arrivals"), 16, 8.1601, 23.8399);
        assertEstimate(horizons.get(4).get("conversions"), 7.5, 2.3181, 12.6819);
        assertEstimate(horizons.get(4).get("revenue"), 7100, 2095.525, 12104.475);
        assertEstimate(horizons.get(12).get("conversions"), 20.3, 11.5809, 29.0191);

        Map<String, JsonNode> reps = AnalyticsFixture.byField(forecast.get("reps"), "rep");
        assertThat(reps).containsOnlyKeys(ann, bob);
        assertThat(reps.get(ann).get("arrivalShare").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(reps.get(ann).get("openLeads").asLong()).isEqualTo(2);
        JsonNode ann4 = byWeeks(reps.get(ann)).get(4);
        assertThat(ann4.get("arrivals").get("expected").asDouble()).isCloseTo(12, within(1e-9));
        assertThat(ann4.get("conversions").get("expected").asDouble()).isCloseTo(7.0, within(1e-9));
        assertThat(ann4.get("revenue").get("expected").asDouble()).isCloseTo(7000, within(1e-6));
        assertEstimate(byWeeks(reps.get(bob)).get(4).get("conversions"), 0.5, 0.0, 1.8720);
    }

    /**
     * The capacity outlook on the same history, ann with an open-lead cap of 10, bob of 3 and a weekly
     * cap of 2, bob out of office all of week 2 (14 to 21 January).
     *
     * <ul>
     * <li>Open now (waiting for a first outcome): ann's two HOT leads of last week; bob's COLD lead is
     * contacted. No lead of the history has a first outcome recorded, so nothing is expected to close:
     * load(w) = load(w - 1) + arrivals(w).</li>
     * <li>Team: 4 a week, load 2 + 4w: 6, 10, 14. Open-lead caps: 10 + 3 = 13, but 10 in week 2 (bob
     * away); headroom 7, 0, -1: the team runs out in week 3. ann has no weekly cap: no intake limit.</li>
     * <li>ann: 3, then all 4 in week 2, then 3: load 5, 9, 12 against 10: runs out in week 3.</li>
     * <li>bob: 1 a week against his weekly cap of 2 (headroom 1), none in week 2 (cap 0): load 1, 1, 2,
     * 3, 4 against 3: runs out in week 5.</li>
     * </ul>
     */
    @Test
    void theCapacityOutlookWeighsExpectedLoadAgainstTheCapsOfTheRepsAtWork() {
        String team = fixture.team(rep("ann").maxOpen(10), rep("bob").maxOpen(3).weeklyCap(2));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        twelveWeeksOfHistory(team, ann, bob);
        absences.save(new RepAbsence(bob, Instant.parse("2030-01-14T00:00:00Z"), Instant.parse("2030-01-21T00:00:00Z"),
                "holiday"));
        ClockUtil.setCurrentTime(Date.from(NOW));

        JsonNode forecast = get("sam.ops", "demo", "/api/analytics/forecast?team=" + team).get("teams").get(0);

        JsonNode capacity = forecast.get("capacity");

        assertThat(capacity.get("openLeads").asLong()).isEqualTo(2);
        assertThat(capacity.get("closing").get("firstOutcomes").asLong()).isZero();
        assertThat(capacity.get("closing").hasNonNull("meanDaysOpen")).isFalse();
        assertThat(capacity.get("closing").get("closedWithinWeek").asDouble()).isZero();
        JsonNode weeks = capacity.get("weeks");
        assertThat(weeks).hasSize(12);
        assertThat(weeks.get(0).get("from").asText()).isEqualTo("2030-01-07");
        assertThat(weeks.get(0).get("arrivals").asDouble()).isCloseTo(4, within(1e-9));
        assertThat(weeks.get(0).hasNonNull("intakeCap")).isFalse();
        assertThat(weeks.get(0).get("openLoad").asDouble()).isCloseTo(6, within(1e-9));
        assertThat(weeks.get(0).get("openCap").asDouble()).isCloseTo(13, within(1e-9));
        assertThat(weeks.get(0).get("openHeadroom").asDouble()).isCloseTo(7, within(1e-9));
        assertThat(weeks.get(1).get("atWork").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(weeks.get(1).get("openCap").asDouble()).isCloseTo(10, within(1e-9));
        assertThat(weeks.get(1).get("openHeadroom").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(weeks.get(1).get("headroom").asBoolean()).isTrue();
        assertThat(weeks.get(2).get("openHeadroom").asDouble()).isCloseTo(-1, within(1e-9));
        assertThat(capacity.get("runsOutInWeek").asInt()).isEqualTo(3);
        assertThat(capacity.get("summary").asText()).isEqualTo(team + " runs out of headroom in week 3: "
                + "14.0 leads expected open, open-lead caps hold 13");

        Map<String, JsonNode> reps = AnalyticsFixture.byField(forecast.get("reps"), "rep");
        JsonNode annCapacity = reps.get(ann).get("capacity");
        assertThat(annCapacity.get("maxOpen").asInt()).isEqualTo(10);
        assertThat(annCapacity.get("weeks").get(1).get("arrivals").asDouble()).isCloseTo(4, within(1e-9));
        assertThat(annCapacity.get("weeks").get(2).get("openLoad").asDouble()).isCloseTo(12, within(1e-9));
        assertThat(annCapacity.get("runsOutInWeek").asInt()).isEqualTo(3);
        JsonNode bobCapacity = reps.get(bob).get("capacity");
        assertThat(bobCapacity.get("openLeads").asLong()).isZero();
        assertThat(bobCapacity.get("weeklyIntakeCap").asInt()).isEqualTo(2);
        assertThat(bobCapacity.get("weeks").get(0).get("intakeHeadroom").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(bobCapacity.get("weeks").get(1).get("arrivals").asDouble()).isZero();
        assertThat(bobCapacity.get("weeks").get(1).get("intakeCap").asDouble()).isZero();
        assertThat(bobCapacity.get("weeks").get(4).get("openLoad").asDouble()).isCloseTo(4, within(1e-9));
        assertThat(bobCapacity.get("runsOutInWeek").asInt()).isEqualTo(5);
        assertThat(bobCapacity.get("summary").asText()).isEqualTo(bob + " runs out of headroom in week 5: "
                + "4.0 leads expected open, open-lead caps hold 3");
    }

    /** The history of the class comment, in the team; ann and bob are its reps. */
    private void twelveWeeksOfHistory(String team, String ann, String bob) {
        twelveWeeksOfHistory(team, ann, bob, null);
    }

    /** The same, and the published model gave ann's first open lead {@code modelSays} (null: no model scored it). */
    private void twelveWeeksOfHistory(String team, String ann, String bob, Double modelSays) {
        int hotDecided = 0;
        for (int week = 1; week <= 12; week++) {
            Instant monday = END.minus(Duration.ofDays(7L * week)).plus(Duration.ofHours(10));
            for (int i = 0; i < (week % 2 == 1 ? 2 : 4); i++) {
                AnalyticsFixture.LeadRow lead = fixture.lead(team).owner(ann).attributes("Webinar", "HOT", 80)
                        .received(monday).firstAssigned(monday.plusSeconds(60));
                if (week == 1) {
                    lead.conversionProbability(i == 0 ? modelSays : null).save();
                } else if (week <= 3) {
                    (hotDecided++ % 2 == 0 ? lead.converted("1000") : lead.outcome("LOST")).save();
                } else {
                    lead.outcome("NURTURE").save();
                }
            }
            Instant wednesday = END.minus(Duration.ofDays(7L * week)).plus(Duration.ofDays(2)).plus(Duration.ofHours(15));
            AnalyticsFixture.LeadRow lead = fixture.lead(team).owner(bob).attributes("Webinar", "COLD", 10)
                    .received(wednesday).firstAssigned(wednesday.plusSeconds(60));
            (week == 1 ? lead.outcome("CONTACTED") : week == 2 ? lead.converted("200")
                    : week <= 11 ? lead.outcome("LOST") : lead.outcome("NURTURE")).save();
        }
    }

    /**
     * The same history, but the published model gave one of ann's two open HOT leads 0.9: that lead
     * counts with 0.9 instead of the HOT rate 0.5, the other open leads and the arrivals as before.
     * Open: conversions 0.9 + 0.5 + 0.1 = 1.5 (variance 0.09 + 0.25 + 0.09 = 0.43), revenue 900 + 500
     * + 20 = 1,420 (the tier's deal value). 4 weeks: conversions 1.5 + 6.4 = 7.9, variance 6.83,
     * [2.778, 13.022]; revenue 1,420 + 6,080 = 7,500. ann: conversions 1.4 + 6 = 7.4.
     */
    @Test
    void anOpenLeadTheModelScoredCountsWithItsProbabilityInsteadOfItsTiersRate() {
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        twelveWeeksOfHistory(team, ann, bob, 0.9);
        ClockUtil.setCurrentTime(Date.from(NOW));

        JsonNode forecast = get("sam.ops", "demo", "/api/analytics/forecast?team=" + team).get("teams").get(0);

        assertThat(forecast.get("tiers").get("HOT").get("conversionRate").asDouble()).as("the tier's rate stays")
                .isCloseTo(0.5, within(1e-9));
        Map<Integer, JsonNode> horizons = byWeeks(forecast);
        assertEstimate(horizons.get(4).get("conversions"), 7.9, 2.7778, 13.0222);
        assertThat(horizons.get(4).get("revenue").get("expected").asDouble()).isCloseTo(7500, within(1e-6));
        JsonNode ann4 = byWeeks(AnalyticsFixture.byField(forecast.get("reps"), "rep").get(ann)).get(4);
        assertThat(ann4.get("conversions").get("expected").asDouble()).isCloseTo(7.4, within(1e-9));
    }

    @Test
    void managersReadTheirTeamsForecastRepsNone() {
        String team = fixture.team(rep("cy"));
        String otherTeam = fixture.team(rep("dan"));
        fixture.lead(team).owner(repId("cy", team)).attributes("Webinar", "HOT", 80).received(Instant.now())
                .firstAssigned(Instant.now()).save();
        fixture.lead(otherTeam).owner(repId("dan", otherTeam)).attributes("Webinar", "HOT", 80)
                .received(Instant.now()).firstAssigned(Instant.now()).save();

        JsonNode answer = get(fixture.manager(team), AnalyticsFixture.PASSWORD, "/api/analytics/forecast");

        assertThat(answer.get("teams").findValuesAsText("team")).containsExactly(team);
        ResponseEntity<JsonNode> asRep = fixture.as(repId("cy", team)).getForEntity("/api/analytics/forecast",
                JsonNode.class);
        assertThat(asRep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map<Integer, JsonNode> byWeeks(JsonNode forecast) {
        Map<Integer, JsonNode> byWeeks = new LinkedHashMap<>();
        forecast.get("horizons").forEach(horizon -> byWeeks.put(horizon.get("weeks").asInt(), horizon));
        return byWeeks;
    }

    private static void assertEstimate(JsonNode estimate, double expected, double low, double high) {
        assertThat(estimate.get("expected").asDouble()).as("expected").isCloseTo(expected, within(1e-6));
        assertThat(estimate.get("low").asDouble()).as("low").isCloseTo(low, within(0.001));
        assertThat(estimate.get("high").asDouble()).as("high").isCloseTo(high, within(0.001));
    }

    private JsonNode get(String user, String password, String path) {
        return AnalyticsFixture.get(driver.as(user, password), path);
    }
}
