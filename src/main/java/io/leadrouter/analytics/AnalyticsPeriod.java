package io.leadrouter.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * The days an analytics answer covers, both ends included, as whole UTC days: {@code from} and
 * {@code to} as dates ({@code 2025-03-01}). Without them, the last {@value #DEFAULT_DAYS} days up to
 * today; with one end only, {@value #DEFAULT_DAYS} days from or up to it.
 */
record AnalyticsPeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 90;

    /** The period asked for; {@link InvalidInputException} names each parameter that is no date, or a reversed period. */
    static AnalyticsPeriod parse(String from, String to, Clock clock) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (first == null && last == null) {
            last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        if (first == null) {
            first = last.minusDays(DEFAULT_DAYS - 1);
        }
        if (last == null) {
            last = first.plusDays(DEFAULT_DAYS - 1);
        }
        if (first.isAfter(last)) {
            throw new InvalidInputException(List.of(new FieldError("from",
                    "must not be after to: " + first + " is after " + last)));
        }
        return new AnalyticsPeriod(first, last);
    }

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String name, String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            problems.add(new FieldError(name, "must be a date such as 2025-03-01, not '" + value + "'"));
            return null;
        }
    }
}
