package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.team.RepAbsence;
import io.leadrouter.team.RepAbsenceRepository;

@IntegrationTest
class DirectRuleStrategyTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    RepAbsenceRepository absences;

    @Test
    void theNamedRepGetsTheLead() {
        String team = fixture.team(rep("ann"), rep("bob"));

        LeadRouting.Outcome outcome = fixture.routeNamed(fixture.lead(), "direct", team, repId("bob", team));

        assertThat(outcome.owner()).isEqualTo(repId("bob", team));
        assertThat(outcome.reason()).isEqualTo("The routing rule names bob Test");
    }

    @Test
    void aNamedRepOutOfOfficeIsPassedOverForTheFallback() {
        String team = fixture.team(rep("ann"), rep("bob"));
        absences.save(new RepAbsence(repId("bob", team), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(3)), "vacation"));

        LeadRouting.Outcome outcome = fixture.routeNamed(fixture.lead(), "direct", team, repId("bob", team),
                "round-robin");

        assertThat(outcome.owner()).isEqualTo(repId("ann", team));
        assertThat(outcome.strategy()).isEqualTo("round-robin");
        assertThat(outcome.reason()).contains("direct: The routing rule names bob Test, who is out of office until",
                "(vacation)");
    }

    @Test
    void aNamedRepAtTheDailyCapIsPassedOver() {
        String team = fixture.team(rep("ann").dailyCap(1));
        assertThat(fixture.routeNamed(fixture.lead(), "direct", team, repId("ann", team)).repFound()).isTrue();

        LeadRouting.Outcome second = fixture.routeNamed(fixture.lead(), "direct", team, repId("ann", team));

        assertThat(second.repFound()).isFalse();
        assertThat(second.reason()).contains("at daily cap (1 of 1 today)");
    }

    @Test
    void anUnknownNamedRepIsExplained() {
        String team = fixture.team(rep("ann"));

        LeadRouting.Outcome outcome = fixture.routeNamed(fixture.lead(), "direct", team, "no.such.rep");

        assertThat(outcome.repFound()).isFalse();
        assertThat(outcome.reason()).contains("names rep 'no.such.rep', who does not exist");
    }
}
