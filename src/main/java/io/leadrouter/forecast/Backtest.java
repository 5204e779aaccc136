package io.leadrouter.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How well the seasonal volume forecasts arrivals: for each of the last {@code testedWeeks} weeks
 * before {@code end}, the profile of the {@code trainingWeeks} weeks before that week forecasts
 * each of its days, against the leads that did arrive. The error is the mean absolute percentage
 * error (MAPE) over the days on which leads arrived (a day without arrivals has no percentage).
 *
 * @param days days compared (with arrivals)
 * @param mape mean of |actual - forecast| / actual over those days; null when there were none
 */
record Backtest(int testedWeeks, int days, Double mape) {

    static Backtest of(Collection<Instant> arrivals, Instant end, int trainingWeeks, int testedWeeks) {
        LocalDate lastDay = end.atZone(ZoneOffset.UTC).toLocalDate();
        Map<LocalDate, Long> actual = new HashMap<>();
        for (Instant arrival : arrivals) {
            actual.merge(arrival.atZone(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
        }
        double errors = 0;
        int days = 0;
        for (int week = testedWeeks; week >= 1; week--) {
            LocalDate first = lastDay.minusDays(7L * week);
            SeasonalVolume trained = new SeasonalVolume(arrivals, SeasonalVolume.startOf(first), trainingWeeks);
            for (int d = 0; d < 7; d++) {
                LocalDate day = first.plusDays(d);
                long arrived = actual.getOrDefault(day, 0L);
                if (arrived > 0) {
                    errors += Math.abs(arrived - trained.onDay(day.getDayOfWeek())) / arrived;
                    days++;
                }
            }
        }
        return new Backtest(testedWeeks, days, days == 0 ? null : errors / days);
    }
}
