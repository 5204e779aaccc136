package io.leadrouter.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The seasonal volume and its backtest on twelve weeks whose answers are worked out by hand:
 * every Monday at 10:00 two or four leads (alternating: two in the last week, four the week
 * before, ...), every Wednesday at 15:00 one.
 */
class BacktestTest {

    private static final Instant END = Instant.parse("2030-01-07T00:00:00Z");

    static List<Instant> twelveWeeks() {
        List<Instant> arrivals = new ArrayList<>();
        for (int week = 1; week <= 12; week++) {
            Instant monday = END.minus(Duration.ofDays(7L * week));
            for (int i = 0; i < (week % 2 == 1 ? 2 : 4); i++) {
                arrivals.add(monday.plus(Duration.ofHours(10)));
            }
            arrivals.add(monday.plus(Duration.ofDays(2)).plus(Duration.ofHours(15)));
        }
        return arrivals;
    }

    @Test
    void eightWeeksAverageToThreeOnMondaysOneOnWednesdaysFourAWeek() {
        SeasonalVolume volume = new SeasonalVolume(twelveWeeks(), END, 8);

        assertThat(volume.weekly()).isCloseTo(4.0, within(1e-12));
        assertThat(volume.onDay(DayOfWeek.MONDAY)).isCloseTo(3.0, within(1e-12));
        assertThat(volume.inHour(DayOfWeek.MONDAY, 10)).isCloseTo(3.0, within(1e-12));
        assertThat(volume.inHour(DayOfWeek.MONDAY, 11)).isZero();
        assertThat(volume.onDay(DayOfWeek.WEDNESDAY)).isCloseTo(1.0, within(1e-12));
        assertThat(volume.onDay(DayOfWeek.FRIDAY)).isZero();
    }

    /**
     * Each of the last four weeks forecast from the eight before it: Mondays 3 (four weeks of two,
     * four of four), Wednesdays 1. The Mondays had 2, 4, 2, 4 (errors 1/2, 1/4, 1/2, 1/4), the
     * Wednesdays 1 (no error); days without leads have no percentage error. MAPE = 1.5 / 8 = 0.1875.
     */
    @Test
    void theBacktestErrorIsTheMeanAbsolutePercentageErrorOfTheDaysWithLeads() {
        Backtest backtest = Backtest.of(twelveWeeks(), END, 8, 4);

        assertThat(backtest.testedWeeks()).isEqualTo(4);
        assertThat(backtest.days()).isEqualTo(8);
        assertThat(backtest.mape()).isCloseTo(0.1875, within(1e-12));
    }

    @Test
    void noLeadsNoError() {
        assertThat(Backtest.of(List.of(), END, 8, 4).mape()).isNull();
    }
}
