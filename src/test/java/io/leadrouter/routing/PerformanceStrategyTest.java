package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.performance.ConversionRates;

@IntegrationTest
class PerformanceStrategyTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ConversionRates conversionRates;

    private void history(String rep, String product, int wins, int losses) {
        List<ConversionRates.Deal> deals = new ArrayList<>();
        for (int i = 0; i < wins + losses; i++) {
            deals.add(new ConversionRates.Deal(rep, product, "retail", i < wins));
        }
        conversionRates.seed(deals);
    }

    private Map<String, Long> route(String team, String product, int count) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owners.add(fixture.route(fixture.lead("WARM", product), "performance", team).owner());
        }
        return owners.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    @Test
    void betterConvertersGetMoreAndANewRepStartsAtTheTeamRate() {
        String team = fixture.team(rep("ace"), rep("bea"), rep("new"));
        history(repId("ace", team), "GTX Pro", 16, 4);  // 80 %
        history(repId("bea", team), "GTX Pro", 4, 16);  // 20 %

        Map<String, Long> counts = route(team, "GTX Pro", 60);

        // smoothed with 20 deals of the team's 50 %: ace 65 %, bea 35 %, new rep 50 % -> shares 43 / 23 / 33 %
        assertThat(counts.get(repId("ace", team))).isBetween(25L, 27L);
        assertThat(counts.get(repId("bea", team))).isBetween(13L, 15L);
        assertThat(counts.get(repId("new", team))).isBetween(19L, 21L);
    }

    @Test
    void fairnessFloorKeepsAWeakRepAtHalfAnEqualShare() {
        String team = fixture.team(rep("ace"), rep("bea"), rep("cal"));
        history(repId("ace", team), "GTK 500", 40, 0);
        history(repId("bea", team), "GTK 500", 0, 40);
        history(repId("cal", team), "GTK 500", 20, 20);

        Map<String, Long> counts = route(team, "GTK 500", 60);

        // rates 83 / 17 / 50 %: the floor lifts bea to half the team's 50 %, 25 / 158 of the leads
        assertThat(counts.get(repId("bea", team))).isBetween(9L, 10L);
        assertThat(counts.get(repId("ace", team))).isGreaterThan(counts.get(repId("cal", team)));
    }

    @Test
    void recordedOutcomesChangeTheShares() {
        String team = fixture.team(rep("ace"), rep("bea"));
        history(repId("ace", team), "MG Advanced", 10, 10);
        history(repId("bea", team), "MG Advanced", 10, 10);
        assertThat(route(team, "MG Advanced", 20).get(repId("bea", team))).isEqualTo(10L);

        for (int i = 0; i < 30; i++) {
            conversionRates.record(repId("bea", team), "MG Advanced", "retail", true);
            conversionRates.record(repId("ace", team), "MG Advanced", "retail", false);
        }

        // bea 40 of 50 won, ace 10 of 40: smoothed 73 % against 35 %, a share of about 67 %
        assertThat(route(team, "MG Advanced", 40).get(repId("bea", team))).isBetween(25L, 29L);
    }

    @Test
    void theTeamRateKeptForAMinuteFollowsAnOutcomeRecordedOnThisNodeAtOnce() {
        String team = fixture.team(rep("ace"), rep("bea"));
        history(repId("ace", team), "MG Premium", 10, 10);
        assertThat(conversionRates.basis(team, "MG Premium", "retail").teamRate()).isCloseTo(0.5, offset(1e-9));

        conversionRates.record(repId("bea", team), "MG Premium", "retail", true);

        assertThat(conversionRates.basis(team, "MG Premium", "retail").teamRate()).isCloseTo(11.0 / 21, offset(1e-9));
    }

    @Test
    void withoutProductHistoryTheSectorOrAllDealsDecide() {
        String team = fixture.team(rep("ace"), rep("bea"));
        history(repId("ace", team), "MG Special", 30, 0);
        history(repId("bea", team), "MG Special", 0, 30);

        Map<String, Long> counts = route(team, "GTX Basic", 20); // no GTX Basic history: sector retail decides

        assertThat(counts.get(repId("ace", team))).isGreaterThan(counts.get(repId("bea", team)));
    }

    @Test
    void theFloorLiftsAWeakRepsWeightToItsShareOfTheTeamRate() {
        assertThat(PerformanceStrategy.weight(0.05, 0.4, 0.5)).isCloseTo(0.2, offset(1e-9));
        assertThat(PerformanceStrategy.weight(0.65, 0.4, 0.5)).isCloseTo(0.65, offset(1e-9));
        assertThat(PerformanceStrategy.weight(0.0, 0.0, 0.0)).isPositive();
    }

    @Test
    void inALargeTeamTheBetterConverterStillGetsMoreThanItsEqualShare() {
        RoutingFixture.RepSpec[] members = new RoutingFixture.RepSpec[TeamCandidates.PAGE + 5];
        for (int i = 0; i < members.length; i++) {
            members[i] = rep(i == 0 ? "ace" : "rep" + i);
        }
        String team = fixture.team(members);
        history(repId("ace", team), "GTX Plus", 40, 0);
        for (int i = 1; i < members.length; i++) {
            history(repId("rep" + i, team), "GTX Plus", 10, 30);
        }

        Map<String, Long> counts = route(team, "GTX Plus", 100);

        // team rate 29 %: ace (40 + 20 x 0.29) / 60 = 76 %, the others 25 %: shares 11 % and 3.7 %
        assertThat(counts.get(repId("ace", team))).isBetween(10L, 12L);
        assertThat(counts).hasSize(members.length);
    }
}
