package io.leadrouter.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The capacity outlook on a team worked out by hand. Today is Monday 7 January 2030; the team expects
 * 10 leads a week and has 4 open (ann 3, bob 1).
 *
 * <ul>
 * <li>Closing: two first outcomes after 3 and 9 days and one lead open for 2 days: T = (3 + 9 + 2) / 2
 * = 7 days = 1 week; q = 1 - e^-1 = 0.632121 and T q = 0.632121, so load(w) = 0.367879 load(w - 1) +
 * 0.632121 arrivals(w).</li>
 * <li>ann: 3/4 of the arrivals, open-lead cap 6, weekly cap 9. bob: 1/4, open-lead cap 2, daily cap 1
 * on 5 working days (intake 5 a week); out of office all of week 2 (twice, overlapping) and the first
 * 3.5 days of week 3.</li>
 * <li>Week 1: ann 7.5 arrivals, bob 2.5. Team: intake cap 9 + 5 = 14 (headroom 4); load 0.367879 × 4 +
 * 0.632121 × 10 = 7.792723 against 6 + 2 = 8 (headroom 0.207277). ann: load 0.367879 × 3 + 0.632121 ×
 * 7.5 = 5.844542 (headroom 0.155458); bob: 0.367879 + 0.632121 × 2.5 = 1.948181.</li>
 * <li>Week 2: bob away, ann gets all 10 against her weekly cap of 9: the team's intake cap is 9
 * (headroom -1), so the team runs out in week 2, and ann too (her load 0.367879 × 5.844542 + 6.321206
 * = 8.471293 > 6 as well). bob: 0 arrivals, intake cap 0, load 0.367879 × 1.948181 = 0.716696.</li>
 * <li>Week 3: bob at work half the week: bob 10 × 0.125 / 0.875 = 1.428571 arrivals, intake cap 2.5,
 * load 0.367879 × 0.716696 + 0.632121 × 1.428571 = 1.166687; ann 8.571429. Team intake cap 9 + 2.5 =
 * 11.5.</li>
 * <li>Week 4: bob 2.5 arrivals, load 0.367879 × 1.166687 + 0.632121 × 2.5 = 2.009502 > 2: bob runs out of
 * headroom in week 4.</li>
 * </ul>
 */
class CapacityOutlookTest {

    private static final LocalDate TODAY = LocalDate.parse("2030-01-07");
    private static final Instant WEEK_2 = Instant.parse("2030-01-14T00:00:00Z");
    private static final Instant WEEK_3 = Instant.parse("2030-01-21T00:00:00Z");

    private static CapacityOutlook.Closing oneWeekOpen() {
        return CapacityOutlook.Closing.of(List.of(new CapacityOutlook.TimeOpen(3, true),
                new CapacityOutlook.TimeOpen(9, true), new CapacityOutlook.TimeOpen(2, false)));
    }

    private static CapacityOutlook.Result outlook() {
        CapacityOutlook.Staff ann = new CapacityOutlook.Staff("ann", 3, 0.75, 6, 9,
                CapacityOutlook.Staff.atWork(true, List.of(), TODAY));
        CapacityOutlook.Staff bob = new CapacityOutlook.Staff("bob", 1, 0.25, 2,
                CapacityOutlook.Staff.weeklyIntake(1, null, 5),
                CapacityOutlook.Staff.atWork(true, List.of(
                        new Instant[] {WEEK_2, WEEK_3},
                        new Instant[] {WEEK_2.plus(Duration.ofDays(1)), WEEK_2.plus(Duration.ofDays(2))},
                        new Instant[] {WEEK_3, WEEK_3.plus(Duration.ofHours(84))}), TODAY));
        return CapacityOutlook.of("east", 10, 4, oneWeekOpen(), List.of(ann, bob), TODAY);
    }

    @Test
    void aLeadOpenAWeekOnAverageClosesWithOneMinusEToTheMinusOneAWeek() {
        CapacityOutlook.Closing closing = oneWeekOpen();

        assertThat(closing.firstOutcomes()).isEqualTo(2);
        assertThat(closing.meanDaysOpen()).isCloseTo(7.0, within(1e-12));
        assertThat(closing.closedWithinWeek()).isCloseTo(0.632121, within(1e-6));
        assertThat(closing.arrivalsOpenAtWeekEnd()).isCloseTo(0.632121, within(1e-6));
    }

    @Test
    void withoutFirstOutcomesNothingCloses() {
        CapacityOutlook.Closing closing = CapacityOutlook.Closing.of(List.of(new CapacityOutlook.TimeOpen(2, false)));

        assertThat(closing.meanDaysOpen()).isNull();
        assertThat(CapacityOutlook.next(3, 4, closing)).isEqualTo(7);
    }

    @Test
    void theIntakeCapIsTheWeeklyCapOrTheDailyCapOnTheWorkingDaysWhicheverIsLess() {
        assertThat(CapacityOutlook.Staff.weeklyIntake(1, null, 5)).isEqualTo(5);
        assertThat(CapacityOutlook.Staff.weeklyIntake(3, 10, 5)).isEqualTo(10);
        assertThat(CapacityOutlook.Staff.weeklyIntake(null, 12, 5)).isEqualTo(12);
        assertThat(CapacityOutlook.Staff.weeklyIntake(null, null, 5)).isNull();
    }

    @Test
    void theTeamRunsOutOfHeadroomInTheWeekItsCapsLetInFewerLeadsThanArrive() {
        CapacityOutlook.TeamOutlook team = outlook().team();

        assertThat(team.openLeads()).isEqualTo(4);
        CapacityOutlook.Week one = team.weeks().get(0);
        assertThat(one.from()).isEqualTo(TODAY);
        assertThat(one.atWork()).isCloseTo(2, within(1e-9));
        assertThat(one.arrivals()).isCloseTo(10, within(1e-9));
        assertThat(one.intakeCap()).isCloseTo(14, within(1e-9));
        assertThat(one.intakeHeadroom()).isCloseTo(4, within(1e-9));
        assertThat(one.openLoad()).isCloseTo(7.792723, within(1e-6));
        assertThat(one.openCap()).isCloseTo(8, within(1e-9));
        assertThat(one.openHeadroom()).isCloseTo(0.207277, within(1e-6));
        assertThat(one.headroom()).isTrue();
        CapacityOutlook.Week two = team.weeks().get(1);
        assertThat(two.from()).isEqualTo(LocalDate.parse("2030-01-14"));
        assertThat(two.atWork()).isCloseTo(1, within(1e-9));
        assertThat(two.intakeCap()).isCloseTo(9, within(1e-9));
        assertThat(two.intakeHeadroom()).isCloseTo(-1, within(1e-9));
        assertThat(two.headroom()).isFalse();
        assertThat(team.weeks().get(2).intakeCap()).isCloseTo(11.5, within(1e-9));
        assertThat(team.weeks()).hasSize(12);
        assertThat(team.runsOutInWeek()).isEqualTo(2);
        assertThat(team.summary()).isEqualTo("east runs out of headroom in week 2: 10.0 new leads expected, "
                + "caps let in 9.0");
    }

    @Test
    void eachRepGetsTheirShareOfTheWeeksTheyAreAtWork() {
        CapacityOutlook.RepOutlook ann = outlook().reps().get("ann");
        CapacityOutlook.RepOutlook bob = outlook().reps().get("bob");

        assertThat(ann.weeks().get(0).arrivals()).isCloseTo(7.5, within(1e-9));
        assertThat(ann.weeks().get(0).openLoad()).isCloseTo(5.844542, within(1e-6));
        assertThat(ann.weeks().get(0).openHeadroom()).isCloseTo(0.155458, within(1e-6));
        assertThat(ann.weeks().get(1).arrivals()).isCloseTo(10, within(1e-9));
        assertThat(ann.weeks().get(1).openLoad()).isCloseTo(8.471293, within(1e-6));
        assertThat(ann.weeks().get(2).arrivals()).isCloseTo(8.571429, within(1e-6));
        assertThat(ann.runsOutInWeek()).isEqualTo(2);

        assertThat(bob.weeklyIntakeCap()).isEqualTo(5);
        assertThat(bob.weeks().get(0).openLoad()).isCloseTo(1.948181, within(1e-6));
        assertThat(bob.weeks().get(1).atWork()).isZero();
        assertThat(bob.weeks().get(1).arrivals()).isZero();
        assertThat(bob.weeks().get(1).intakeHeadroom()).isCloseTo(0, within(1e-9));
        assertThat(bob.weeks().get(1).openLoad()).isCloseTo(0.716696, within(1e-6));
        assertThat(bob.weeks().get(2).atWork()).isCloseTo(0.5, within(1e-9));
        assertThat(bob.weeks().get(2).arrivals()).isCloseTo(1.428571, within(1e-6));
        assertThat(bob.weeks().get(2).intakeCap()).isCloseTo(2.5, within(1e-9));
        assertThat(bob.weeks().get(2).openLoad()).isCloseTo(1.166687, within(1e-6));
        assertThat(bob.weeks().get(3).openLoad()).isCloseTo(2.009502, within(1e-6));
        assertThat(bob.runsOutInWeek()).isEqualTo(4);
        assertThat(bob.summary()).isEqualTo("bob runs out of headroom in week 4: 2.0 leads expected open, "
                + "open-lead caps hold 2");
    }

    @Test
    void aTeamWithARepAtWorkWithoutCapsKeepsHeadroom() {
        CapacityOutlook.Staff uncapped = new CapacityOutlook.Staff("cy", 0, 1.0, null, null,
                CapacityOutlook.Staff.atWork(true, List.of(), TODAY));
        CapacityOutlook.Staff capped = new CapacityOutlook.Staff("dan", 0, 0.0, 1, 1,
                CapacityOutlook.Staff.atWork(true, List.of(), TODAY));

        CapacityOutlook.TeamOutlook team = CapacityOutlook.of("west", 50, 0, oneWeekOpen(), List.of(uncapped, capped),
                TODAY).team();

        assertThat(team.weeks().get(0).intakeCap()).isNull();
        assertThat(team.runsOutInWeek()).isNull();
        assertThat(team.summary()).isEqualTo("west keeps headroom for 12 weeks");
    }
}
