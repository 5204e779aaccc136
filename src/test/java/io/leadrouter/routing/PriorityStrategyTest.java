package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

@IntegrationTest
class PriorityStrategyTest {

    @Autowired
    RoutingFixture fixture;

    private List<String> route(String team, String tier, int count) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owners.add(fixture.route(fixture.lead(tier, "GTX Pro"), "priority", team).owner());
        }
        return owners;
    }

    @Test
    void hotLeadsGoToTheMostSeniorRepsInTurn() {
        String team = fixture.team(rep("sue").seniority(3), rep("sam").seniority(3), rep("mia").seniority(2),
                rep("joe").seniority(1));

        List<String> hot = route(team, "HOT", 6);

        assertThat(hot).containsOnly(repId("sue", team), repId("sam", team));
        assertThat(hot.stream().filter(repId("sue", team)::equals).count()).isEqualTo(3);
    }

    @Test
    void warmAndColdLeadsSpreadOverTheRest() {
        String team = fixture.team(rep("sue").seniority(3), rep("mia").seniority(2), rep("joe").seniority(1));

        List<String> others = new ArrayList<>(route(team, "WARM", 3));
        others.addAll(route(team, "COLD", 3));

        assertThat(others).containsOnly(repId("mia", team), repId("joe", team));
        assertThat(others.stream().filter(repId("mia", team)::equals).count()).isEqualTo(3);
    }

    @Test
    void withTheSeniorsAwayTheNextTierTakesTheHotLeads() {
        String team = fixture.team(rep("sue").seniority(3), rep("mia").seniority(2), rep("joe").seniority(1));
        fixture.available(repId("sue", team), false);

        assertThat(route(team, "HOT", 3)).containsOnly(repId("mia", team));
        assertThat(route(team, "WARM", 2)).containsOnly(repId("joe", team));
    }

    @Test
    void aTeamOfOneTierTakesEveryTierInTurn() {
        String team = fixture.team(rep("amy"), rep("ben"));

        assertThat(route(team, "COLD", 4)).containsExactly(repId("amy", team), repId("ben", team),
                repId("amy", team), repId("ben", team));
    }
}
