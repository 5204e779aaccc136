package io.leadrouter.sla;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An amount of business time as sales ops write it in {@code response-sla.dmn}: ISO-8601
 * {@code PT15M}, {@code PT4H}, {@code P1D}, {@code P1DT4H}. The days are working days: one
 * day is one full working day of the rep whose clock runs ({@link BusinessCalendar#workingDay()}),
 * not 24 hours.
 */
public record BusinessTime(int workingDays, Duration time) {

    public BusinessTime {
        if (workingDays < 0 || time.isNegative() || (workingDays == 0 && time.isZero())) {
            throw new IllegalArgumentException("business time must be positive");
        }
    }

    /** Reads {@code P[n]D[T[n]H[n]M[n]S]}; years, months and weeks are not business time. */
    public static BusinessTime parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("business time is missing");
        }
        String iso = text.trim().toUpperCase(Locale.ROOT);
        int t = iso.indexOf('T');
        String datePart = t < 0 ? iso : iso.substring(0, t);
        String timePart = t < 0 ? null : "P" + iso.substring(t);
        try {
            int days = 0;
            if (!"P".equals(datePart)) {
                if (datePart.contains("Y") || datePart.contains("M") || datePart.contains("W")) {
                    throw new IllegalArgumentException("business time '" + text
                            + "' may only count working days, hours, minutes and seconds (e.g. P1D, PT4H)");
                }
                days = Period.parse(datePart).getDays();
            }
            Duration time = timePart == null ? Duration.ZERO : Duration.parse(timePart);
            return new BusinessTime(days, time);
        } catch (DateTimeParseException notIso) {
            throw new IllegalArgumentException("business time '" + text + "' is not an ISO-8601 duration like PT15M, "
                    + "PT4H or P1D", notIso);
        }
    }

    /** The ISO-8601 form: {@code PT15M}, {@code P1D}, {@code P1DT4H}. */
    public String iso() {
        return "P" + (workingDays > 0 ? workingDays + "D" : "") + (time.isZero() ? "" : time.toString().substring(1));
    }

    /** "15 minutes", "4 hours", "1 working day", "1 working day 4 hours". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (workingDays > 0) {
            text.append(workingDays).append(workingDays == 1 ? " working day" : " working days");
        }
        long hours = time.toHours();
        int minutes = time.toMinutesPart();
        int seconds = time.toSecondsPart();
        append(text, hours, "hour");
        append(text, minutes, "minute");
        append(text, seconds, "second");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
