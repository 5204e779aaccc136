package io.leadrouter.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.StatsScope;
import io.leadrouter.security.ApiUser;
import io.leadrouter.stats.ResponseStats;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Analytics for sales ops and managers (and each rep's own figures) under {@code /api/analytics}:
 * conversion with its 95 % Wilson interval by rep, team, strategy, rule, source, tier or score
 * band ({@link Conversions}); speed to lead and the response SLA by rep or team
 * ({@link ResponseStats}); fairness of the rotation pools ({@link Fairness}); pending outcomes by
 * age ({@link PendingOutcomes}).
 *
 * <p>Each answer holds only what {@link LeadAccess} lets the caller read, in the query's where
 * clause: figures per rep and per lead attribute cover sales ops' and admins' every lead, a
 * manager's teams and a rep's own leads; figures per team and per pool are for sales ops, admins
 * and managers (their teams), and answer 403 to others. {@code team} narrows any answer to one
 * team (within what the caller reads). A period is {@code from} and {@code to} as dates, both
 * included ({@link AnalyticsPeriod}); bad parameters answer 400 naming them.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    private final Conversions conversions;
    private final ResponseStats responses;
    private final Fairness fairness;
    private final PendingOutcomes pending;
    private final RepRepository reps;
    private final LeadAccess access;
    private final Clock clock;

    AnalyticsController(Conversions conversions, ResponseStats responses, Fairness fairness, PendingOutcomes pending,
                        RepRepository reps, LeadAccess access, Clock clock) {
        this.conversions = conversions;
        this.responses = responses;
        this.fairness = fairness;
        this.pending = pending;
        this.reps = reps;
        this.access = access;
        this.clock = clock;
    }

    /** A group's leads and conversion; {@code name} and {@code team} for a rep. */
    record ConversionRow(String key, String name, String team, long routed, long converted, long lost, long decided,
                         long disqualified, long nurture, long pending, BigDecimal revenue, Rate conversion) {
    }

    record ConversionAnswer(LocalDate from, LocalDate to, String by, String scope, List<ConversionRow> groups,
                            ConversionRow total) {
    }

    @GetMapping("/conversion")
    ConversionAnswer conversion(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                                ApiUser user) {
        Conversions.Dimension dimension = Conversions.Dimension.parse(by);
        AnalyticsPeriod period = AnalyticsPeriod.parse(from, to, clock);
        StatsScope scope = dimension == Conversions.Dimension.TEAM ? teamScope(user) : repScope(user);
        List<Conversions.Conversion> groups = conversions.of(dimension, period.start(), period.end(), scope,
                blankToNull(team));
        Map<String, Rep> byId = dimension == Conversions.Dimension.REP ? repsById(groups.stream()
                .map(Conversions.Conversion::key).toList()) : Map.of();
        List<ConversionRow> rows = groups.stream().map(group -> {
            Rep rep = group.key() == null ? null : byId.get(group.key());
            return row(dimension.label(group.key()), rep, group);
        }).toList();
        Conversions.Conversion total = groups.stream().reduce(Conversions.Conversion.none(),
                Conversions.Conversion::plus);
        return new ConversionAnswer(period.from(), period.to(), dimension.parameter(), describe(scope), rows,
                row(null, null, total));
    }

    /** Response figures of a rep or team, with the SLA met rate's 95 % interval. */
    record ResponseRow(String rep, String name, String team, @JsonUnwrapped ResponseStats.Totals totals,
                       Rate slaMetInterval) {
    }

    record ResponseAnswer(LocalDate from, LocalDate to, String by, String scope, List<ResponseRow> groups) {
    }

    /**
     * Speed to lead and the response SLA over the assignments made in the period: routing delay
     * (receipt to first rep) and rep delay (assignment to the rep's first outcome) apart, with
     * average, median and 90th percentile; SLA met and breached, the met rate and its interval.
     */
    @GetMapping("/response")
    ResponseAnswer response(@RequestParam(required = false) String by, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                            ApiUser user) {
        ResponseStats.By grouping = responseGrouping(by);
        AnalyticsPeriod period = AnalyticsPeriod.parse(from, to, clock);
        StatsScope scope = grouping == ResponseStats.By.TEAM ? teamScope(user) : repScope(user);
        String onlyTeam = blankToNull(team);
        List<ResponseStats.Totals> totals = responses.totals(grouping, period.start(), period.end(), scope);
        List<ResponseRow> rows = new ArrayList<>();
        if (grouping == ResponseStats.By.REP) {
            Map<String, Rep> byId = repsById(totals.stream().map(ResponseStats.Totals::key).toList());
            for (ResponseStats.Totals rep : totals) {
                Rep known = byId.get(rep.key());
                String repTeam = known == null ? null : known.getTeamId();
                if (onlyTeam == null || onlyTeam.equals(repTeam)) {
                    rows.add(new ResponseRow(rep.key(), known == null ? null : known.getName(), repTeam, rep,
                            slaMet(rep)));
                }
            }
        } else {
            totals.stream().filter(t -> onlyTeam == null || onlyTeam.equals(t.key()))
                    .forEach(t -> rows.add(new ResponseRow(null, null, t.key(), t, slaMet(t))));
        }
        return new ResponseAnswer(period.from(), period.to(), grouping.name().toLowerCase(java.util.Locale.ROOT),
                describe(scope), rows);
    }

    record FairnessAnswer(LocalDate from, LocalDate to, String scope, List<Fairness.Pool> pools) {
    }

    /** Each rotation pool's shares against the strategy's promise (sales ops, admins, managers of the team). */
    @GetMapping("/fairness")
    FairnessAnswer fairness(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String team, ApiUser user) {
        AnalyticsPeriod period = AnalyticsPeriod.parse(from, to, clock);
        StatsScope scope = teamScope(user);
        return new FairnessAnswer(period.from(), period.to(), describe(scope),
                fairness.pools(period.start(), period.end(), scope, blankToNull(team)));
    }

    record PendingAnswer(Instant at, String by, String scope, List<PendingOutcomes.Pending> groups) {
    }

    /** Leads with a rep (or manager) and no final outcome now, by age since they first went to a rep. */
    @GetMapping("/pending")
    PendingAnswer pending(@RequestParam(required = false) String by, @RequestParam(required = false) String team,
                          ApiUser user) {
        PendingOutcomes.By grouping = pendingGrouping(by);
        StatsScope scope = grouping == PendingOutcomes.By.TEAM ? teamScope(user) : repScope(user);
        Instant now = clock.instant();
        return new PendingAnswer(now, grouping.name().toLowerCase(java.util.Locale.ROOT), describe(scope),
                pending.at(now, grouping, scope, blankToNull(team)));
    }

    private static ConversionRow row(String key, Rep rep, Conversions.Conversion group) {
        return new ConversionRow(key, rep == null ? null : rep.getName(), rep == null ? null : rep.getTeamId(),
                group.routed(), group.converted(), group.lost(), group.decided(), group.disqualified(),
                group.nurture(), group.pending(), group.revenue(), Rate.of(group.converted(), group.decided()));
    }

    private static Rate slaMet(ResponseStats.Totals totals) {
        return Rate.of(totals.slaMet(), totals.slaMet() + totals.slaBreached());
    }

    private Map<String, Rep> repsById(Collection<String> ids) {
        List<String> known = ids.stream().filter(java.util.Objects::nonNull).toList();
        return known.isEmpty() ? Map.of() : reps.findAllById(known).stream()
                .collect(Collectors.toMap(Rep::getId, Function.identity()));
    }

    private StatsScope repScope(ApiUser user) {
        return access.repStatsOf(user).orElseThrow(() -> forbidden(LeadAccess.WHO_READS_REP_STATS));
    }

    private StatsScope teamScope(ApiUser user) {
        return access.teamStatsOf(user).orElseThrow(() -> forbidden(LeadAccess.WHO_READS_TEAM_STATS));
    }

    private static ResponseStatusException forbidden(String whoMay) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, whoMay);
    }

    /** What the figures cover, in words: "every team", "teams east, west and your own leads", "your own leads". */
    static String describe(StatsScope scope) {
        if (scope.everything()) {
            return "every team";
        }
        List<String> parts = new ArrayList<>();
        if (!scope.teams().isEmpty()) {
            parts.add((scope.teams().size() == 1 ? "team " : "teams ")
                    + String.join(", ", scope.teams().stream().sorted().toList()));
        }
        if (scope.rep() != null) {
            parts.add("your own leads");
        }
        return String.join(" and ", parts);
    }

    private static ResponseStats.By responseGrouping(String by) {
        return grouping(by, ResponseStats.By.class).orElseThrow(() -> badGrouping(by));
    }

    private static PendingOutcomes.By pendingGrouping(String by) {
        return grouping(by, PendingOutcomes.By.class).orElseThrow(() -> badGrouping(by));
    }

    /** rep or team; rep when not given. */
    private static <E extends Enum<E>> Optional<E> grouping(String by, Class<E> type) {
        String name = by == null || by.isBlank() ? "rep" : by.trim();
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static InvalidInputException badGrouping(String by) {
        return new InvalidInputException(List.of(new FieldError("by", "must be rep or team, not '" + by + "'")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
