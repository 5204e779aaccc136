package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

/**
 * Round-robin and priority routing in a team larger than one page of {@link TeamCandidates#PAGE}
 * reps: reps are assessed in the strategy's order a page at a time, with the same fairness and
 * availability rules as in a small team.
 */
@IntegrationTest
class RoundRobinLargeTeamTest {

    @Autowired
    RoutingFixture fixture;

    private String largeTeam(RoutingFixture.RepSpec... first) {
        RoutingFixture.RepSpec[] members = new RoutingFixture.RepSpec[TeamCandidates.PAGE + 5];
        for (int i = 0; i < members.length; i++) {
            members[i] = i < first.length ? first[i] : rep("rep" + i);
        }
        return fixture.team(members);
    }

    @Test
    void everyRepOfALargeTeamGetsTheirTurnAndSharesDifferByNone() {
        String team = largeTeam();
        int size = TeamCandidates.PAGE + 5;

        List<String> owners = fixture.routeMany(2 * size, RoundRobinStrategy.KEY, team);

        Map<String, Long> shares = owners.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(shares).hasSize(size);
        assertThat(shares.values()).containsOnly(2L);
    }

    @Test
    void unavailableAndOffDutyRepsInTheFirstPageAreSkippedAndTheReasonSaysHowManyWereAssessed() {
        String team = largeTeam(rep("aaron").offToday());
        IntStream.range(1, 5).forEach(i -> fixture.available(repId("rep" + i, team), false));

        List<String> owners = fixture.routeMany(TeamCandidates.PAGE, RoundRobinStrategy.KEY, team);

        assertThat(owners).doesNotContain(repId("aaron", team), repId("rep1", team), repId("rep4", team))
                .doesNotHaveDuplicates();
        LeadRouting.Outcome next = fixture.route(fixture.lead(), RoundRobinStrategy.KEY, team);
        assertThat(next.reason()).contains("was next in turn", "among the first", "of " + (TeamCandidates.PAGE + 5));
    }

    @Test
    void whenNobodyInALargeTeamIsAtWorkTheLeadStillGoesToTheRepLongestWaiting() {
        RoutingFixture.RepSpec[] offDuty = IntStream.range(0, TeamCandidates.PAGE + 5)
                .mapToObj(i -> rep("night" + i).offToday()).toArray(RoutingFixture.RepSpec[]::new);
        String team = fixture.team(offDuty);

        assertThat(fixture.route(fixture.lead(), RoundRobinStrategy.KEY, team).owner()).isNotNull();
    }

    @Test
    void priorityInALargeTeamGivesHotLeadsToTheSeniorsAtWorkAndOtherLeadsToTheRest() {
        String team = largeTeam(rep("sue").seniority(3), rep("sam").seniority(3), rep("sid").seniority(3).offToday());

        List<String> hot = IntStream.range(0, 4)
                .mapToObj(i -> fixture.route(fixture.lead("HOT", "GTX Pro"), PriorityStrategy.KEY, team).owner())
                .toList();
        List<String> warm = IntStream.range(0, 6)
                .mapToObj(i -> fixture.route(fixture.lead("WARM", "GTX Pro"), PriorityStrategy.KEY, team).owner())
                .toList();

        assertThat(hot).containsExactly(repId("sam", team), repId("sue", team), repId("sam", team),
                repId("sue", team));
        assertThat(warm).doesNotContain(repId("sam", team), repId("sue", team), repId("sid", team))
                .doesNotHaveDuplicates();
        assertThat(fixture.route(fixture.lead("HOT", "GTX Pro"), PriorityStrategy.KEY, team).reason())
                .contains("most senior eligible tier (seniority 3)", "among the first");
    }
}
