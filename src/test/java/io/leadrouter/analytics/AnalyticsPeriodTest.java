package io.leadrouter.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

class AnalyticsPeriodTest {

    private static final Clock MARCH_31 = Clock.fixed(Instant.parse("2024-03-31T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void withoutDatesThePeriodIsTheLast90DaysUpToToday() {
        AnalyticsPeriod period = AnalyticsPeriod.parse(null, " ", MARCH_31);

        assertThat(period.from()).isEqualTo(LocalDate.parse("2024-01-02"));
        assertThat(period.to()).isEqualTo(LocalDate.parse("2024-03-31"));
        assertThat(period.start()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(period.end()).as("the last day is included").isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    }

    @Test
    void oneEndGivesNinetyDaysFromOrUpToIt() {
        assertThat(AnalyticsPeriod.parse("2024-01-01", null, MARCH_31).to()).isEqualTo(LocalDate.parse("2024-03-30"));
        assertThat(AnalyticsPeriod.parse(null, "2024-03-30", MARCH_31).from()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(AnalyticsPeriod.parse("2024-03-05", "2024-03-05", MARCH_31).end())
                .isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
    }

    @Test
    void eachParameterThatIsNoDateIsNamed() {
        InvalidInputException bad = catchThrowableOfType(InvalidInputException.class,
                () -> AnalyticsPeriod.parse("last-week", "2024-02-30", MARCH_31));

        assertThat(bad.errors()).extracting(FieldError::field).containsExactly("from", "to");
        assertThat(bad.errors().get(0).message()).contains("'last-week'");
    }

    @Test
    void aPeriodEndingBeforeItStartsNamesFrom() {
        InvalidInputException bad = catchThrowableOfType(InvalidInputException.class,
                () -> AnalyticsPeriod.parse("2024-03-02", "2024-03-01", MARCH_31));

        assertThat(bad.errors()).extracting(FieldError::field).containsExactly("from");
    }
}
