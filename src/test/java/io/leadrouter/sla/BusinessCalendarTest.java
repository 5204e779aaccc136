package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadrouter.team.WorkingHours;

/** Response deadlines in the rep's business hours: time zones, DST, weekends, holidays. */
class BusinessCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final BusinessCalendar NEW_YORK_9_TO_5 = calendar("America/New_York", "09:00", "17:00",
            "MON,TUE,WED,THU,FRI");

    private static BusinessCalendar calendar(String zone, String start, String end, String days, LocalDate... holidays) {
        return new BusinessCalendar(WorkingHours.parse(zone, start, end, days), Set.of(holidays));
    }

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime();
    }

    @Test
    void hotLeadArrivingFridayAfterHoursInNewYorkIsDueMondayMorning() {
        Instant friday1755 = at("2025-03-07T17:55", NEW_YORK);

        Instant due = NEW_YORK_9_TO_5.addBusinessTime(friday1755, Duration.ofMinutes(15));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-03-10T09:15");
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        // within the day
        "2025-03-04T10:00, PT15M, 2025-03-04T10:15",
        "2025-03-04T10:00, PT4H,  2025-03-04T14:00",
        // before opening: the clock starts at 09:00
        "2025-03-04T07:30, PT15M, 2025-03-04T09:15",
        "2025-03-04T00:00, PT4H,  2025-03-04T13:00",
        // what is left of the day, then the next morning
        "2025-03-04T15:00, PT4H,  2025-03-05T11:00",
        "2025-03-04T16:50, PT15M, 2025-03-05T09:05",
        // a deadline on closing time stays on that day
        "2025-03-04T13:00, PT4H,  2025-03-04T17:00",
        // exactly at closing time: nothing is left today
        "2025-03-04T17:00, PT15M, 2025-03-05T09:15",
        // weekend: Saturday and Sunday do not count
        "2025-03-08T12:00, PT15M, 2025-03-10T09:15",
        "2025-03-09T23:59, PT4H,  2025-03-10T13:00",
        "2025-03-07T14:00, PT4H,  2025-03-10T10:00",
        // multi-day: three full working days and a bit, across a weekend
        "2025-03-06T10:00, PT26H, 2025-03-11T12:00",
    })
    void businessTimeOnlyRunsInWorkingHoursOnWorkingDays(String start, String amount, String expected) {
        Instant due = NEW_YORK_9_TO_5.addBusinessTime(at(start, NEW_YORK), Duration.parse(amount));

        assertThat(local(due, NEW_YORK)).isEqualTo(expected);
    }

    @Test
    void oneBusinessDayIsOneFullWorkingDayOfTheRep() {
        BusinessTime oneDay = BusinessTime.parse("P1D");

        assertThat(NEW_YORK_9_TO_5.workingDay()).isEqualTo(Duration.ofHours(8));
        assertThat(local(NEW_YORK_9_TO_5.add(at("2025-03-04T10:30", NEW_YORK), oneDay), NEW_YORK))
            .isEqualTo("2025-03-05T10:30");
        // Friday after hours: all of Monday
        assertThat(local(NEW_YORK_9_TO_5.add(at("2025-03-07T17:55", NEW_YORK), oneDay), NEW_YORK))
            .isEqualTo("2025-03-10T17:00");
        // a rep on a six-hour day: one day is six hours
        BusinessCalendar partTime = calendar("America/New_York", "10:00", "16:00", "MON,TUE,WED,THU,FRI");
        assertThat(partTime.workingDay()).isEqualTo(Duration.ofHours(6));
        assertThat(local(partTime.add(at("2025-03-04T15:00", NEW_YORK), BusinessTime.parse("P1DT2H")), NEW_YORK))
            .isEqualTo("2025-03-06T11:00");
    }

    @Test
    void holidaysInTheRepsCalendarDoNotCount() {
        BusinessCalendar withJuly4 = calendar("America/New_York", "09:00", "17:00", "MON,TUE,WED,THU,FRI",
            LocalDate.parse("2025-07-04"));

        // Thursday 16:50 before the Friday holiday: ten minutes Thursday, five on Monday
        Instant due = withJuly4.addBusinessTime(at("2025-07-03T16:50", NEW_YORK), Duration.ofMinutes(15));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-07-07T09:05");
        // without the holiday the same lead is due on Friday
        assertThat(local(NEW_YORK_9_TO_5.addBusinessTime(at("2025-07-03T16:50", NEW_YORK), Duration.ofMinutes(15)),
            NEW_YORK)).isEqualTo("2025-07-04T09:05");
    }

    @Test
    void consecutiveHolidaysAndAWeekendAreSkippedTogether() {
        BusinessCalendar christmas = calendar("Europe/Berlin", "08:00", "16:00", "MON,TUE,WED,THU,FRI",
            LocalDate.parse("2025-12-24"), LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26"));

        Instant due = christmas.add(at("2025-12-23T12:00", BERLIN), BusinessTime.parse("P1D"));

        assertThat(local(due, BERLIN)).isEqualTo("2025-12-29T12:00");
    }

    @Test
    void deadlineIsComputedInTheRepsTimeZoneNotTheServers() {
        Instant utcNoon = Instant.parse("2025-03-04T12:00:00Z");
        BusinessCalendar berlin = calendar("Europe/Berlin", "09:00", "17:00", "MON,TUE,WED,THU,FRI");
        BusinessCalendar losAngeles = calendar("America/Los_Angeles", "09:00", "17:00", "MON,TUE,WED,THU,FRI");

        // 13:00 in Berlin: within hours
        assertThat(berlin.addBusinessTime(utcNoon, Duration.ofMinutes(15)))
            .isEqualTo(Instant.parse("2025-03-04T12:15:00Z"));
        // 04:00 in Los Angeles: the clock starts at 09:00 PST = 17:00 UTC
        assertThat(losAngeles.addBusinessTime(utcNoon, Duration.ofMinutes(15)))
            .isEqualTo(Instant.parse("2025-03-04T17:15:00Z"));
    }

    @Test
    void springForwardWeekendKeepsLocalOpeningHours() {
        // Friday 16:00 EST (UTC-5); clocks spring forward on Sunday 9 March; Monday is EDT (UTC-4)
        Instant due = NEW_YORK_9_TO_5.addBusinessTime(at("2025-03-07T16:00", NEW_YORK), Duration.ofHours(4));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-03-10T12:00");
        assertThat(due).isEqualTo(Instant.parse("2025-03-10T16:00:00Z"));
    }

    @Test
    void theHourSkippedWhenClocksSpringForwardIsNoBusinessTime() {
        // a night shift 01:00-05:00 on Sunday 9 March 2025: 02:00-03:00 does not exist, the shift is 3 hours
        BusinessCalendar nightShift = calendar("America/New_York", "01:00", "05:00", "SUN");

        Instant due = nightShift.addBusinessTime(at("2025-03-09T01:00", NEW_YORK), Duration.ofHours(2));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-03-09T04:00");
        assertThat(nightShift.addBusinessTime(at("2025-03-09T01:00", NEW_YORK), Duration.ofHours(4)))
            .as("the fourth hour falls into next Sunday's shift")
            .isEqualTo(at("2025-03-16T02:00", NEW_YORK));
    }

    @Test
    void theHourRepeatedWhenClocksFallBackIsBusinessTimeToo() {
        // Sunday 2 November 2025: 01:00-02:00 happens twice, the shift 01:00-05:00 is 5 hours long
        BusinessCalendar nightShift = calendar("America/New_York", "01:00", "05:00", "SUN");
        Instant start = ZonedDateTime.ofLocal(LocalDateTime.parse("2025-11-02T01:00"), NEW_YORK, null).toInstant();

        Instant due = nightShift.addBusinessTime(start, Duration.ofHours(4));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-11-02T04:00");
        assertThat(nightShift.addBusinessTime(start, Duration.ofHours(5))).isEqualTo(at("2025-11-02T05:00", NEW_YORK));
    }

    @Test
    void fallBackWeekendInEuropeKeepsLocalOpeningHours() {
        // Berlin: CEST (UTC+2) until Sunday 26 October 2025, then CET (UTC+1)
        BusinessCalendar berlin = calendar("Europe/Berlin", "09:00", "17:00", "MON,TUE,WED,THU,FRI");

        Instant due = berlin.addBusinessTime(at("2025-10-24T16:30", BERLIN), Duration.ofHours(1));

        assertThat(local(due, BERLIN)).isEqualTo("2025-10-27T09:30");
        assertThat(due).isEqualTo(Instant.parse("2025-10-27T08:30:00Z"));
    }

    @Test
    void weekendWorkersCountTheirWeekend() {
        BusinessCalendar weekendRep = calendar("America/New_York", "10:00", "18:00", "SAT,SUN");

        Instant due = weekendRep.addBusinessTime(at("2025-03-04T10:00", NEW_YORK), Duration.ofMinutes(15));

        assertThat(local(due, NEW_YORK)).isEqualTo("2025-03-08T10:15");
    }

    @Test
    void zeroBusinessTimeIsTheNextWorkingMoment() {
        assertThat(local(NEW_YORK_9_TO_5.addBusinessTime(at("2025-03-08T12:00", NEW_YORK), Duration.ZERO), NEW_YORK))
            .isEqualTo("2025-03-10T09:00");
        assertThat(NEW_YORK_9_TO_5.addBusinessTime(at("2025-03-04T11:00", NEW_YORK), Duration.ZERO))
            .isEqualTo(at("2025-03-04T11:00", NEW_YORK));
    }

    @Test
    void negativeBusinessTimeIsRejected() {
        assertThatThrownBy(() -> NEW_YORK_9_TO_5.addBusinessTime(Instant.now(), Duration.ofMinutes(-1)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarWhoseOnlyWorkingDaysAreHolidaysNeverEnds() {
        LocalDate[] everySundayForTwelveYears = java.util.stream.Stream.iterate(LocalDate.parse("2025-03-09"),
            d -> d.plusWeeks(1)).limit(52 * 12).toArray(LocalDate[]::new);
        BusinessCalendar never = calendar("UTC", "09:00", "17:00", "SUN", everySundayForTwelveYears);

        assertThatThrownBy(() -> never.addBusinessTime(Instant.parse("2025-03-04T10:00:00Z"), Duration.ofMinutes(15)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no working time");
    }

    @ParameterizedTest(name = "{0} = {1} working days + {2}")
    @CsvSource({
        "PT15M,  0, PT15M, 15 minutes",
        "PT4H,   0, PT4H,  4 hours",
        "P1D,    1, PT0S,  1 working day",
        "p2dt1h, 2, PT1H,  2 working days 1 hour",
        "PT90M,  0, PT1H30M, 1 hour 30 minutes",
    })
    void businessTimeReadsIsoDurationsWithWorkingDays(String text, int days, String time, String described) {
        BusinessTime parsed = BusinessTime.parse(text);

        assertThat(parsed.workingDays()).isEqualTo(days);
        assertThat(parsed.time()).isEqualTo(Duration.parse(time));
        assertThat(parsed.describe()).isEqualTo(described);
    }

    @ParameterizedTest
    @CsvSource({"P1M", "P1W", "P1Y", "PT0S", "15 minutes", "''"})
    void businessTimeRejectsWhatIsNotWorkingTime(String text) {
        assertThatThrownBy(() -> BusinessTime.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
