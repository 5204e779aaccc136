package io.leadrouter.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Lead arrivals by weekday and hour (UTC), averaged over whole weeks of history: the seasonal
 * profile of a team's volume, 168 slots. What it expects for a span is the sum of the slots the
 * span covers; a whole week covers each slot once, so {@code h} weeks expect {@code h} times the
 * weekly volume.
 */
final class SeasonalVolume {

    static final int SLOTS = 7 * 24;

    private final double[] perSlot = new double[SLOTS];

    /** The profile of the arrivals in {@code [end - weeks, end)}; arrivals outside are ignored. */
    SeasonalVolume(Collection<Instant> arrivals, Instant end, int weeks) {
        Instant start = end.minus(Duration.ofDays(7L * weeks));
        for (Instant arrival : arrivals) {
            if (!arrival.isBefore(start) && arrival.isBefore(end)) {
                perSlot[slot(arrival)]++;
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            perSlot[i] /= weeks;
        }
    }

    /** Arrivals expected in a week. */
    double weekly() {
        double sum = 0;
        for (double slot : perSlot) {
            sum += slot;
        }
        return sum;
    }

    /** Arrivals expected on a day of the week (UTC). */
    double onDay(DayOfWeek day) {
        double sum = 0;
        int first = (day.getValue() - 1) * 24;
        for (int hour = 0; hour < 24; hour++) {
            sum += perSlot[first + hour];
        }
        return sum;
    }

    /** Arrivals expected in an hour of the week. */
    double inHour(DayOfWeek day, int hour) {
        return perSlot[(day.getValue() - 1) * 24 + hour];
    }

    /** The first instant of the UTC day. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int slot(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        return (utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour();
    }
}
