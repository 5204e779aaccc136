package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * A rep whose out-of-office period ends (planned through the absences API, the engine clock
 * moved past its end) takes leads again, with the catch-up each strategy promises: round-robin
 * gives one lead at once and then the usual turn, capacity routing lets the rep catch up by at
 * most {@code catch-up-per-day} leads more than an equal share of what the team got since the
 * rep came back.
 */
@IntegrationTest
class CatchUpAfterAbsenceTest {

    private static final Instant TUESDAY = Instant.parse("2025-03-04T10:00:00Z");

    @Autowired
    RoutingFixture fixture;
    @Autowired
    LeadRouterDriver driver;

    @BeforeEach
    void tuesdayMorning() {
        ClockUtil.setCurrentTime(Date.from(TUESDAY));
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void roundRobinGivesARepBackFromOutOfOfficeOneLeadAtOnceThenTheUsualTurn() {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        String cat = repId("cat", team);
        outOfOffice(cat, TUESDAY.minus(Duration.ofHours(1)), TUESDAY.plus(Duration.ofHours(1)));
        assertThat(fixture.routeMany(4, "round-robin", team)).containsExactly(ann, bob, ann, bob);

        ClockUtil.setCurrentTime(Date.from(TUESDAY.plus(Duration.ofHours(2))));

        assertThat(fixture.routeMany(4, "round-robin", team)).containsExactly(cat, ann, bob, cat);
    }

    @Test
    void capacityRoutingBoundsTheCatchUpFromTheEndOfTheOutOfOfficePeriod() {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"));
        String cat = repId("cat", team);
        outOfOffice(cat, TUESDAY.minus(Duration.ofHours(1)), TUESDAY.plus(Duration.ofHours(1)));
        assertThat(fixture.routeMany(12, "capacity", team)).doesNotContain(cat); // ann and bob: 6 open leads each

        ClockUtil.setCurrentTime(Date.from(TUESDAY.plus(Duration.ofHours(2))));
        // the bound counts from the absence's end: counted over the last 24 hours instead, cat
        // would take every lead until level with the others
        CapacityStrategyTest.assertCatchesUpByAtMostTwoExtraLeads(fixture.routeMany(12, "capacity", team), cat);
    }

    private void outOfOffice(String rep, Instant from, Instant until) {
        var answer = driver.admin().postForEntity("/api/reps/" + rep + "/absences",
                Map.of("startsAt", from.toString(), "endsAt", until.toString(), "reason", "vacation"), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
