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

import io.leadrouter.lead.LeadStatus;
import io.leadrouter.lead.StatsScope;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepAbsenceRepository;
import io.leadrouter.team.RepRepository;

/**
 * The sales forecast per team and rep for the next 4, 8 and 12 weeks: expected conversions and
 * revenue from the open leads plus from the leads expected to arrive, each with a 95 % interval.
 *
 * <ul>
 * <li>History: the leads that went to the team's reps and arrived (were received) in the last
 * {@value #HISTORY_WEEKS} whole weeks before today (UTC).</li>
 * <li>A lead's conversion probability is the one the published conversion model gave it at Score lead,
 * when a model scored it; otherwise its tier's observed rate in the team's history (converted /
 * (converted + lost)), or the team's overall rate when the tier had no decided lead. Its expected
 * deal value is the tier's average deal value of conversions (or the team's). Arrivals to come have
 * no probability yet: they convert at the rates of the recent arrivals' tiers.</li>
 * <li>Open leads (with a rep or manager, no final outcome) convert with their probability; each is
 * a Bernoulli trial (variance p(1-p)). They are counted in every horizon.</li>
 * <li>Arrivals: the seasonal volume by weekday and hour of the last {@value #VOLUME_WEEKS} weeks
 * ({@link SeasonalVolume}), a Poisson count; each arrival converts with the probability and value
 * of the team's (or rep's) recent arrivals on average (a thinned Poisson: variance = mean).</li>
 * <li>Intervals: expected ± 1.96 standard deviations, never below 0.</li>
 * <li>A rep's part: their own open leads, and their share of the team's recent arrivals.</li>
 * <li>Backtest: the last {@value #BACKTEST_WEEKS} weeks forecast day by day from the
 * {@value #VOLUME_WEEKS} weeks before each ({@link Backtest}); the method as a whole is backtested on the
 * bundled CRM history by {@code HistoryBacktestTest}.</li>
 * <li>Capacity: week by week for the next {@value CapacityOutlook#WEEKS} weeks, the arrivals and the open
 * load of the team and of each of its reps against their caps, their planned absences taken into account
 * ({@link CapacityOutlook}).</li>
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

    record RepForecast(String rep, long openLeads, double arrivalShare, List<Horizon> horizons,
                       CapacityOutlook.RepOutlook capacity) {
    }

    record TeamForecast(String team, long openLeads, double weeklyArrivals, Map<String, TierRate> tiers,
                        List<Horizon> horizons, List<RepForecast> reps, Backtest backtest,
                        CapacityOutlook.TeamOutlook capacity) {
    }

    record Forecast(Instant at, LocalDate historyFrom, LocalDate historyTo, List<TeamForecast> teams) {
    }

    /** A lead of the history: who got it, its tier and when it arrived. */
    record Arrival(String owner, String tier, Instant at) {
    }

    /** A lead of the history with a final outcome, converted or lost. */
    record Decided(String tier, boolean converted, BigDecimal dealValue) {
    }

    /**
     * An open lead; {@code awaitingRep}: waiting for its rep's first outcome, what an open-lead cap counts;
     * {@code conversionProbability}: the published model's, null when no model scored the lead.
     */
    record Open(String owner, String tier, boolean awaitingRep, Double conversionProbability) {
    }

    /** What a team's history says: the rates per tier, the arrivals of the volume weeks and their volume. */
    private record TeamHistory(Map<String, TierRate> tiers, TierRate overall, List<Arrival> recent,
                               SeasonalVolume volume) {

        static TeamHistory of(List<Arrival> arrivals, List<Decided> decided, Instant historyEnd) {
            Instant volumeStart = historyEnd.minus(Duration.ofDays(7L * VOLUME_WEEKS));
            List<Arrival> recent = arrivals.stream().filter(a -> !a.at().isBefore(volumeStart)).toList();
            return new TeamHistory(tierRates(decided), SalesForecast.overall(decided), recent,
                    new SeasonalVolume(recent.stream().map(Arrival::at).toList(), historyEnd, VOLUME_WEEKS));
        }

        List<Horizon> horizons(List<Open> open, List<Arrival> arrivals, double share) {
            return SalesForecast.horizons(open, arrivals, share, volume.weekly(), tiers, overall);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RepRepository reps;
    private final RepAbsenceRepository absences;
    private final Clock clock;

    SalesForecast(NamedParameterJdbcTemplate jdbc, RepRepository reps, RepAbsenceRepository absences, Clock clock) {
        this.jdbc = jdbc;
        this.reps = reps;
        this.absences = absences;
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
        Map<String, List<CapacityOutlook.TimeOpen>> timesOpen = new HashMap<>();

        MapSqlParameterSource history = new MapSqlParameterSource()
                .addValue("start", OffsetDateTime.ofInstant(historyStart, ZoneOffset.UTC))
                .addValue("end", OffsetDateTime.ofInstant(historyEnd, ZoneOffset.UTC));
        jdbc.query("""
                select l.team_id, l.owner_id, l.tier, l.status, l.outcome, l.deal_value, l.received_at,
                       l.first_assigned_at, l.first_response_at
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
            OffsetDateTime responded = row.getObject("first_response_at", OffsetDateTime.class);
            if (responded != null || awaitingRep(row.getString("status"))) {
                timesOpen.computeIfAbsent(teamId, t -> new ArrayList<>()).add(CapacityOutlook.TimeOpen.between(
                        row.getObject("first_assigned_at", OffsetDateTime.class).toInstant(),
                        responded == null ? null : responded.toInstant(), now));
            }
        });
        MapSqlParameterSource pipeline = new MapSqlParameterSource();
        jdbc.query("""
                select l.team_id, l.owner_id, l.tier, l.status, l.conversion_probability
                from leads l
                where l.status in ('ASSIGNED', 'CONTACTED', 'ESCALATED') and l.team_id is not null %s
                """.formatted(narrowed(scope, team, pipeline)), pipeline, row -> {
            open.computeIfAbsent(row.getString("team_id"), t -> new ArrayList<>())
                    .add(new Open(row.getString("owner_id"), tier(row.getString("tier")),
                            awaitingRep(row.getString("status")),
                            row.getObject("conversion_probability", Double.class)));
        });

        SortedSet<String> teams = new TreeSet<>(arrivals.keySet());
        teams.addAll(open.keySet());
        List<TeamForecast> forecasts = new ArrayList<>();
        for (String teamId : teams) {
            forecasts.add(team(teamId, arrivals.getOrDefault(teamId, List.of()), decided.getOrDefault(teamId, List.of()),
                    open.getOrDefault(teamId, List.of()), timesOpen.getOrDefault(teamId, List.of()), historyEnd));
        }
        return new Forecast(now, today.minusDays(7L * HISTORY_WEEKS), today.minusDays(1), forecasts);
    }

    /**
     * The team's horizons from its history, as {@link #forecast} answers them for the team (the history
     * backtest runs this on the bundled CRM data).
     */
    static List<Horizon> teamHorizons(List<Arrival> arrivals, List<Decided> decided, List<Open> open,
                                      Instant historyEnd) {
        TeamHistory history = TeamHistory.of(arrivals, decided, historyEnd);
        return history.horizons(open, history.recent(), 1.0);
    }

    private TeamForecast team(String team, List<Arrival> arrivals, List<Decided> decided, List<Open> open,
                              List<CapacityOutlook.TimeOpen> timesOpen, Instant historyEnd) {
        TeamHistory history = TeamHistory.of(arrivals, decided, historyEnd);
        List<Arrival> recent = history.recent();
        List<Horizon> horizons = history.horizons(open, recent, 1.0);
        Map<String, List<Open>> openByRep = new TreeMap<>();
        open.stream().filter(o -> o.owner() != null)
                .forEach(o -> openByRep.computeIfAbsent(o.owner(), r -> new ArrayList<>()).add(o));
        Map<String, List<Arrival>> recentByRep = new TreeMap<>();
        recent.stream().filter(a -> a.owner() != null)
                .forEach(a -> recentByRep.computeIfAbsent(a.owner(), r -> new ArrayList<>()).add(a));
        Map<String, Rep> members = new TreeMap<>();
        reps.findByTeamIdOrderById(team).forEach(rep -> members.put(rep.getId(), rep));
        SortedSet<String> repIds = new TreeSet<>(openByRep.keySet());
        repIds.addAll(recentByRep.keySet());
        repIds.addAll(members.keySet());

        LocalDate firstDay = historyEnd.atZone(ZoneOffset.UTC).toLocalDate();
        List<CapacityOutlook.Staff> staff = new ArrayList<>();
        Map<String, Double> shares = new HashMap<>();
        for (String rep : repIds) {
            double share = recent.isEmpty() ? 0
                    : (double) recentByRep.getOrDefault(rep, List.of()).size() / recent.size();
            shares.put(rep, share);
            staff.add(staff(rep, members.get(rep), awaitingRep(openByRep.getOrDefault(rep, List.of())), share,
                    firstDay));
        }
        CapacityOutlook.Result capacity = CapacityOutlook.of(team, history.volume().weekly(), awaitingRep(open),
                CapacityOutlook.Closing.of(timesOpen), staff, firstDay);

        List<RepForecast> repForecasts = new ArrayList<>();
        for (String rep : repIds) {
            List<Open> theirOpen = openByRep.getOrDefault(rep, List.of());
            double share = shares.get(rep);
            repForecasts.add(new RepForecast(rep, theirOpen.size(), share,
                    history.horizons(theirOpen, recentByRep.getOrDefault(rep, List.of()), share),
                    capacity.reps().get(rep)));
        }
        Map<String, TierRate> shownTiers = new TreeMap<>(history.tiers());
        return new TeamForecast(team, open.size(), history.volume().weekly(), shownTiers, horizons, repForecasts,
                Backtest.of(arrivals.stream().map(Arrival::at).toList(), historyEnd, VOLUME_WEEKS, BACKTEST_WEEKS),
                capacity.team());
    }

    /**
     * A rep as the capacity outlook counts them: caps and planned absences from the team's records; a
     * rep of the history no longer in the team takes no leads.
     */
    private CapacityOutlook.Staff staff(String id, Rep rep, long awaitingRep, double share, LocalDate firstDay) {
        if (rep == null) {
            return new CapacityOutlook.Staff(id, awaitingRep, share, null, null,
                    CapacityOutlook.Staff.atWork(false, List.of(), firstDay));
        }
        List<Instant[]> planned = absences.findByRepIdAndEndsAtAfterOrderByStartsAt(id,
                SeasonalVolume.startOf(firstDay)).stream()
                .map(a -> new Instant[] {a.getStartsAt(), a.getEndsAt()})
                .toList();
        return new CapacityOutlook.Staff(id, awaitingRep, share, rep.getMaxOpen(),
                CapacityOutlook.Staff.weeklyIntake(rep.getDailyCap(), rep.getWeeklyCap(),
                        rep.workingHours().days().size()),
                CapacityOutlook.Staff.atWork(rep.isActive() && rep.isAvailable(), planned, firstDay));
    }

    private static long awaitingRep(List<Open> open) {
        return open.stream().filter(Open::awaitingRep).count();
    }

    private static boolean awaitingRep(String status) {
        return status != null && LeadStatus.AWAITING_REP.contains(LeadStatus.valueOf(status));
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
            double p = lead.conversionProbability() != null ? lead.conversionProbability() : rate.conversionRate();
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
