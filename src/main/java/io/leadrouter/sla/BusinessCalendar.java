package io.leadrouter.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import io.leadrouter.team.WorkingHours;

/**
 * Business time of one rep: their working days and hours in their time zone, less holidays.
 * Camunda timers know no business calendar, so SLA deadlines are computed here and handed to
 * the timers as dates.
 *
 * <p>Business time is real elapsed time inside working hours: on the night clocks spring
 * forward, a 01:00-05:00 shift holds three hours, not four. A day's window starts at its
 * opening time (or the next valid local time when that time does not exist that day).
 * Holidays are dates in the rep's own calendar: on a holiday the rep does not work at all.
 */
public final class BusinessCalendar {

    /** How far ahead a deadline may lie before we give up: a calendar without any working day. */
    private static final int MAX_DAYS_AHEAD = 3660;

    private final WorkingHours hours;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(WorkingHours hours, Set<LocalDate> holidays) {
        this.hours = hours;
        this.holidays = Set.copyOf(holidays);
    }

    /** The length of one full working day: what "1 business day" ({@code P1D}) means for this rep. */
    public Duration workingDay() {
        return Duration.between(hours.start(), hours.end());
    }

    /** The business time as a duration of working hours, days counted as full working days. */
    public Duration length(BusinessTime time) {
        return workingDay().multipliedBy(time.workingDays()).plus(time.time());
    }

    /** When {@code time} of business time has passed from {@code start}. */
    public Instant add(Instant start, BusinessTime time) {
        return addBusinessTime(start, length(time));
    }

    /**
     * The instant at which {@code businessTime} of working time has passed, counting from
     * {@code start}. Time outside working hours, on non-working days and on holidays does not
     * count: a lead arriving after hours starts its clock at the next opening. A deadline that
     * falls exactly on closing time stays on that day.
     */
    public Instant addBusinessTime(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        Duration left = businessTime;
        LocalDate day = start.atZone(hours.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, hours.start(), hours.zone()).toInstant();
            Instant close = ZonedDateTime.of(day, hours.end(), hours.zone()).toInstant();
            Instant from = start.isAfter(open) ? start : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(from, close);
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_AHEAD + " days of " + start
                + " (working days " + hours.days() + ", " + holidays.size() + " holidays)");
    }

    public boolean isWorkingDay(LocalDate day) {
        return hours.days().contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
