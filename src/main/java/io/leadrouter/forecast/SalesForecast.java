package io.leadrouter.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.StatsScope;

/**
 * The sales forecast per team and rep for the next 4, 8 and 12 weeks: expected conversions and
 * revenue from the open leads plus from the leads expected to arrive, each with a 95 % interval.
 *
 * <ul>
 * <li>History: the leads that went to the team's reps and arrived (were received) in the last
 * {@value #HISTORY_WEEKS} whole weeks before today (UTC).</li>
 * <li>A lead's conversion probability is its tier's observed rate in the team's history (converted /
 * (converted + lost)), or the team's overall rate when the tier had no decided lead; its expected
 * deal value is the tier's average deal value of conversions (or the team's).</li>
 * <li>Open leads (with a rep or manager, no final outcome) convert with their probability; each is
 * a Bernoulli trial (variance p(1-p)). They are counted in every horizon.</li>
 * <li>Arrivals: the seasonal volume by weekday and hour of the last {@value #VOLUME_WEEKS} weeks
 * ({@link SeasonalVolume}), a Poisson count; each arrival converts with the probability and value
 * of the team's (or rep's) recent arrivals on average (a thinned Poisson: variance = mean).</li>
 * <li>Intervals: expected ± 1.96 standard deviations, never below 0.</li>
 * <li>A rep's part: their own open leads, and their share of the team's recent arrivals.</li>
 * <li>Backtest: the last {@value #BACKTEST_WEEKS} weeks forecast day by day from the
 * {@value #VOLUME_WEEKS} weeks before each ({@link Backtest}).</li>
 * </ul>
 */
@Service
class SalesForecast {

    static final int VOLUME_WEEKS = 8;
    static final int BACKTEST_WEEKS = 4;
    static final int HISTORY_WEEKS = VOLUME_WEEKS + BACKTEST_WEEKS;
    static final List<Integer> HORIZON_WEEKS = List.of(4, 8, 12);
    private static final double Z = 1.959964;
    private static final String NO_TIER = "NONE";

    /** An expected value and its 95 % interval. */
    record Estimate(double expected, double low, double high) {

        static Estimate of(double mean, double variance) {
            double half = Z * Math.sqrt(Math.max(0, variance));
            return new Estimate(mean, Math.max(0, mean - half), mean + half);
        }
    }

    record Horizon(int weeks, Estimate arrivals, Estimate conversions, Estimate revenue) {
    }

    /** What the team's history says of a tier. */
    record TierRate(long decided, double conversionRate, double averageDealValue) {
    }

    record RepForecast(String rep, long openLeads, double arrivalShare, List<Horizon> horizons) {
    }

    record TeamForecast(String team, long openLeads, double weeklyArrivals, Map<String, TierRate> tiers,
                        List<Horizon> horizons, List<RepForecast> reps, Backtest backtest) {
    }

    record Forecast(Instant at, LocalDate historyFrom, LocalDate historyTo, List<TeamForecast> teams) {
    }

    private record Arrival(String owner, String tier, Instant at) {
    }

    private record Decided(String tier, boolean converted, BigDecimal dealValue) {
    }

    private record Open(String owner, String tier) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    SalesForecast(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The forecast of every team in the scope (by the lead's team) and, when given, of that team only. */
    @Transactional(readOnly = true)
    Forecast forecast(StatsScope scope, String team) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Instant historyEnd = SeasonalVolume.startOf(today);
        Instant historyStart = historyEnd.minus(Duration.ofDays(7L * HISTORY_WEEKS));
        Map<String, List<Arrival>> arrivals = new TreeMap<>();
        Map<String, List<Decided>> decided = new HashMap<>();
        Map<String, List<Open>> open = new TreeMap<>();

        MapSqlParameterSource history = new MapSqlParameterSource()
                .addValue("start", OffsetDateTime.ofInstant(historyStart, ZoneOffset.UTC))
                .addValue("end", OffsetDateTime.ofInstant(historyEnd, ZoneOffset.UTC));
        jdbc.query("""
                select l.team_id, l.owner_id, l.tier, l.outcome, l.deal_value, l.received_at
                from leads l
                where l.received_at >= :start and l.received_at < :end
                  and l.first_assigned_at is not null and l.team_id is not null %s
                """.formatted(narrowed(scope, team, history)), history, row -> {
            String teamId = row.getString("team_id");
            String tier = tier(row.getString("tier"));
            arrivals.computeIfAbsent(teamId, t -> new ArrayList<>()).add(new Arrival(row.getString("owner_id"), tier,
                    row.getObject("received_at", OffsetDateTime.class).toInstant()));
            String outcome = row.getString("outcome");
            if ("CONVERTED".equals(outcome) || "LOST".equals(outcome)) {
                decided.computeIfAbsent(teamId, t -> new ArrayList<>()).add(new Decided(tier,
                        "CONVERTED".equals(outcome), row.getBigDecimal("deal_value")));
            }
        });
        MapSqlParameterSource pipeline = new MapSqlParameterSource();
        jdbc.query("""
                select l.team_id, l.owner_id, l.tier
                from leads l
                where l.status in ('ASSIGNED', 'CONTACTED', 'ESCALATED') and l.team_id is not null %s
                """.formatted(narrowed(scope, team, pipeline)), pipeline, row -> {
            open.computeIfAbsent(row.getString("team_id"), t -> new ArrayList<>())
                    .add(new Open(row.getString("owner_id"), tier(row.getString("tier"))));
        });

        SortedSet<String> teams = new TreeSet<>(arrivals.keySet());
        teams.addAll(open.keySet());
        List<TeamForecast> forecasts = new ArrayList<>();
        for (String teamId : teams) {
            forecasts.add(team(teamId, arrivals.getOrDefault(teamId, List.of()), decided.getOrDefault(teamId, List.of()),
                    open.getOrDefault(teamId, List.of()), historyEnd));
        }
        return new Forecast(now, today.minusDays(7L * HISTORY_WEEKS), today.minusDays(1), forecasts);
    }

    private TeamForecast team(String team, List<Arrival> arrivals, List<Decided> decided, List<Open> open,
                              Instant historyEnd) {
        Map<String, TierRate> tiers = tierRates(decided);
        TierRate overall = overall(decided);
        Instant volumeStart = historyEnd.minus(Duration.ofDays(7L * VOLUME_WEEKS));
        List<Arrival> recent = arrivals.stream().filter(a -> !a.at().isBefore(volumeStart)).toList();
        SeasonalVolume volume = new SeasonalVolume(recent.stream().map(Arrival::at).toList(), historyEnd,
                VOLUME_WEEKS);

        List<Horizon> horizons = horizons(open, recent, 1.0, volume.weekly(), tiers, overall);
        Map<String, List<Open>> openByRep = new TreeMap<>();
        open.stream().filter(o -> o.owner() != null)
                .forEach(o -> openByRep.computeIfAbsent(o.owner(), r -> new ArrayList<>()).add(o));
        Map<String, List<Arrival>> recentByRep = new TreeMap<>();
        recent.stream().filter(a -> a.owner() != null)
                .forEach(a -> recentByRep.computeIfAbsent(a.owner(), r -> new ArrayList<>()).add(a));
        SortedSet<String> reps = new TreeSet<>(openByRep.keySet());
        reps.addAll(recentByRep.keySet());
        List<RepForecast> repForecasts = new ArrayList<>();
        for (String rep : reps) {
            List<Arrival> theirs = recentByRep.getOrDefault(rep, List.of());
            double share = recent.isEmpty() ? 0 : (double) theirs.size() / recent.size();
            List<Open> theirOpen = openByRep.getOrDefault(rep, List.of());
            repForecasts.add(new RepForecast(rep, theirOpen.size(), share,
                    horizons(theirOpen, theirs, share, volume.weekly(), tiers, overall)));
        }
        Map<String, TierRate> shownTiers = new TreeMap<>(tiers);
        return new TeamForecast(team, open.size(), volume.weekly(), shownTiers, horizons, repForecasts,
                Backtest.of(arrivals.stream().map(Arrival::at).toList(), historyEnd, VOLUME_WEEKS, BACKTEST_WEEKS));
    }

    /**
     * The horizons for some open leads and a share of the team's arrivals, whose conversion
     * probability and value are those of {@code recentArrivals} on average.
     */
    private static List<Horizon> horizons(List<Open> open, List<Arrival> recentArrivals, double share,
                                          double teamWeekly, Map<String, TierRate> tiers, TierRate overall) {
        double openMean = 0;
        double openVariance = 0;
        double openRevenue = 0;
        double openRevenueVariance = 0;
        for (Open lead : open) {
            TierRate rate = tiers.getOrDefault(lead.tier(), overall);
            double p = rate.conversionRate();
            double value = rate.averageDealValue();
            openMean += p;
            openVariance += p * (1 - p);
            openRevenue += p * value;
            openRevenueVariance += p * (1 - p) * value * value;
        }
        double perArrival = 0;
        double valuePerArrival = 0;
        double squaredValuePerArrival = 0;
        for (Arrival arrival : recentArrivals) {
            TierRate rate = tiers.getOrDefault(arrival.tier(), overall);
            perArrival += rate.conversionRate();
            valuePerArrival += rate.conversionRate() * rate.averageDealValue();
            squaredValuePerArrival += rate.conversionRate() * rate.averageDealValue() * rate.averageDealValue();
        }
        if (!recentArrivals.isEmpty()) {
            perArrival /= recentArrivals.size();
            valuePerArrival /= recentArrivals.size();
            squaredValuePerArrival /= recentArrivals.size();
        }
        List<Horizon> horizons = new ArrayList<>();
        for (int weeks : HORIZON_WEEKS) {
            double lambda = weeks * teamWeekly * share;
            double conversions = lambda * perArrival;
            horizons.add(new Horizon(weeks, Estimate.of(lambda, lambda),
                    Estimate.of(openMean + conversions, openVariance + conversions),
                    Estimate.of(openRevenue + lambda * valuePerArrival,
                            openRevenueVariance + lambda * squaredValuePerArrival)));
        }
        return horizons;
    }

    private static Map<String, TierRate> tierRates(List<Decided> decided) {
        Map<String, List<Decided>> byTier = new HashMap<>();
        decided.forEach(d -> byTier.computeIfAbsent(d.tier(), t -> new ArrayList<>()).add(d));
        Map<String, TierRate> rates = new HashMap<>();
        byTier.forEach((tier, leads) -> rates.put(tier, rate(leads, 0)));
        double teamDeal = overall(decided).averageDealValue();
        rates.replaceAll((tier, rate) -> rate.averageDealValue() > 0 ? rate
                : new TierRate(rate.decided(), rate.conversionRate(), teamDeal));
        return rates;
    }

    private static TierRate overall(List<Decided> decided) {
        return rate(decided, 0);
    }

    private static TierRate rate(List<Decided> decided, double noDeal) {
        long converted = decided.stream().filter(Decided::converted).count();
        double deals = decided.stream().filter(d -> d.converted() && d.dealValue() != null)
                .mapToDouble(d -> d.dealValue().doubleValue()).sum();
        long valued = decided.stream().filter(d -> d.converted() && d.dealValue() != null).count();
        return new TierRate(decided.size(), decided.isEmpty() ? 0 : (double) converted / decided.size(),
                valued == 0 ? noDeal : deals / valued);
    }

    private static String tier(String tier) {
        return tier == null ? NO_TIER : tier;
    }

    /** The scope (by team) and the one team asked for, as a condition; parameters added. */
    private static String narrowed(StatsScope scope, String team, MapSqlParameterSource parameters) {
        String condition = scope.asCondition("l.team_id", "l.owner_id", parameters);
        if (team != null) {
            parameters.addValue("team", team);
            condition += " and l.team_id = :team";
        }
        return condition;
    }
}
