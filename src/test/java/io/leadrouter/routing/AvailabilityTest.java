package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.team.RepAbsence;
import io.leadrouter.team.RepAbsenceRepository;
import io.leadrouter.team.RepSettings;

/** The availability rules hold for every strategy that chooses within a team. */
@IntegrationTest
class AvailabilityTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    RepAbsenceRepository absences;

    @ParameterizedTest
    @ValueSource(strings = {"round-robin", "weighted-round-robin", "priority", "performance", "capacity"})
    void inactiveUnavailableAndAbsentRepsNeverGetALead(String strategy) {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"), rep("dan"));
        fixture.update(repId("bob", team), new RepSettings(null, null, null, null, null, null, null, null, null, false));
        fixture.available(repId("cat", team), false);
        absences.save(new RepAbsence(repId("dan", team), Instant.now().minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofDays(1)), null));

        List<String> owners = fixture.routeMany(8, strategy, team);

        assertThat(owners).containsOnly(repId("ann", team));
    }

    @ParameterizedTest
    @ValueSource(strings = {"round-robin", "weighted-round-robin", "priority", "performance", "capacity"})
    void repsAtWorkAreChosenBeforeRepsOutsideTheirHours(String strategy) {
        String team = fixture.team(rep("ann"), rep("bob").offToday());

        assertThat(fixture.routeMany(4, strategy, team)).containsOnly(repId("ann", team));
    }

    @ParameterizedTest
    @ValueSource(strings = {"round-robin", "capacity"})
    void whenNobodyIsAtWorkTheLeadStillGoesToARep(String strategy) {
        String team = fixture.team(rep("ann").offToday(), rep("bob").offToday());

        assertThat(fixture.routeMany(4, strategy, team)).containsOnly(repId("ann", team), repId("bob", team))
                .contains(repId("ann", team), repId("bob", team));
    }

    @ParameterizedTest
    @ValueSource(strings = {"round-robin", "weighted-round-robin", "priority", "performance", "capacity"})
    void nobodyEligibleLeavesTheLeadForManualAssignmentWithTheReasons(String strategy) {
        String team = fixture.team(rep("ann"), rep("bob"));
        fixture.available(repId("ann", team), false);
        fixture.update(repId("bob", team), new RepSettings(null, null, null, null, null, null, null, null, null, false));

        LeadRouting.Outcome outcome = fixture.route(fixture.lead(), strategy, team);

        assertThat(outcome.repFound()).isFalse();
        assertThat(outcome.reason()).contains("none of its 2 reps is eligible (1 inactive, 1 marked unavailable)");
    }
}
