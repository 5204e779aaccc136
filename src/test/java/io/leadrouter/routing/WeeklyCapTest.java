package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

/**
 * A rep's weekly cap: reps at it are left out with the reason; their week starts on Monday at
 * midnight in their own time zone, and with it the count. Time moves with the engine clock.
 */
@IntegrationTest
class WeeklyCapTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    RoutingFixture fixture;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aRepBelowTheWeeklyCapGetsLeadsAndAtTheCapIsLeftOutWithTheReason() {
        String team = fixture.team(rep("ann").weeklyCap(2));
        String ann = repId("ann", team);
        at("2025-03-04T09:00"); // a Tuesday in Tokyo

        assertThat(fixture.routeMany(2, "round-robin", team)).containsExactly(ann, ann);
        LeadRouting.Outcome third = fixture.route(fixture.lead(), "round-robin", team);

        assertThat(third.repFound()).isFalse();
        assertThat(third.reason()).contains("none of its 1 reps is eligible (1 at weekly cap)");
    }

    @Test
    void theWeeklyCountStartsAgainOnMondayAtMidnightInTheRepsTimeZone() {
        String team = fixture.team(rep("ann").inZone(TOKYO.getId()).weeklyCap(2));
        String ann = repId("ann", team);
        at("2025-03-04T09:00"); // Tuesday
        fixture.routeMany(2, "round-robin", team);

        at("2025-03-09T23:30"); // Sunday night, still the same week: a day does not reset a weekly cap
        assertThat(fixture.route(fixture.lead(), "round-robin", team).reason()).contains("1 at weekly cap");

        at("2025-03-10T00:30"); // Monday in Tokyo
        assertThat(now().atZone(ZoneOffset.UTC).getDayOfWeek()).as("in UTC").isEqualTo(DayOfWeek.SUNDAY);
        assertThat(fixture.routeMany(2, "round-robin", team)).containsExactly(ann, ann);
        assertThat(fixture.route(fixture.lead(), "round-robin", team).reason()).contains("1 at weekly cap");
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Sets the engine clock to this local time in Tokyo. */
    private static void at(String tokyoTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(tokyoTime).atZone(TOKYO).toInstant()));
    }
}
