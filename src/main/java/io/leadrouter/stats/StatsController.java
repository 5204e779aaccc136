package io.leadrouter.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.web.InvalidRequestException;

/**
 * Speed-to-lead statistics: {@code GET /api/stats/reps} and {@code GET /api/stats/teams}, over
 * the assignments made from {@code from} until {@code to}. Both are optional; a date
 * ({@code 2025-03-01}) is a whole UTC day and both ends are included, an instant
 * ({@code 2025-03-01T00:00:00Z}) includes {@code from} and excludes {@code to}. Each user reads
 * the figures {@link LeadAccess} gives them (sales ops and admins all, a manager their teams and their own reps, a
 * rep their own row of the rep figures); those with none to read are answered 403. And routing
 * now, {@code GET /api/stats/routing} ({@link RoutingHealth}).
 */
@RestController
@RequestMapping("/api/stats")
class StatsController {

    private final ResponseStats stats;
    private final RoutingHealth routingHealth;
    private final RepRepository reps;
    private final LeadAccess access;

    StatsController(ResponseStats stats, RoutingHealth routingHealth, RepRepository reps, LeadAccess access) {
        this.stats = stats;
        this.routingHealth = routingHealth;
        this.reps = reps;
        this.access = access;
    }

    record RepTotals(String rep, String name, String team, @JsonUnwrapped ResponseStats.Totals totals) {
    }

    record TeamTotals(String team, @JsonUnwrapped ResponseStats.Totals totals) {
    }

    record RepStats(Instant from, Instant to, List<RepTotals> reps) {
    }

    record TeamStats(Instant from, Instant to, List<TeamTotals> teams) {
    }

    @GetMapping("/reps")
    RepStats reps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  ApiUser user) {
        StatsScope scope = access.repStatsOf(user).orElseThrow(() -> forbidden(LeadAccess.WHO_READS_REP_STATS));
        Instant start = start(from);
        Instant end = end(to);
        List<ResponseStats.Totals> totals = stats.totals(ResponseStats.By.REP, start, end, scope);
        Map<String, Rep> byId = reps.findAllById(totals.stream().map(ResponseStats.Totals::key).toList()).stream()
                .collect(Collectors.toMap(Rep::getId, Function.identity()));
        return new RepStats(start, end, totals.stream().map(t -> {
            Rep rep = byId.get(t.key());
            return new RepTotals(t.key(), rep == null ? null : rep.getName(), rep == null ? null : rep.getTeamId(), t);
        }).toList());
    }

    @GetMapping("/teams")
    TeamStats teams(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    ApiUser user) {
        StatsScope scope = access.teamStatsOf(user).orElseThrow(() -> forbidden(LeadAccess.WHO_READS_TEAM_STATS));
        Instant start = start(from);
        Instant end = end(to);
        return new TeamStats(start, end, stats.totals(ResponseStats.By.TEAM, start, end, scope).stream()
                .map(t -> new TeamTotals(t.key(), t)).toList());
    }

    /**
     * Routing now ({@link RoutingHealth}): leads routed per minute over the last hour and open
     * incidents, of every team (ops, sales ops, admins) or a manager's teams; others 403.
     */
    @GetMapping("/routing")
    RoutingHealth.Health routing(ApiUser user) {
        StatsScope scope = access.routingHealthOf(user)
                .orElseThrow(() -> forbidden(LeadAccess.WHO_READS_ROUTING_HEALTH));
        return routingHealth.of(scope);
    }

    private static ResponseStatusException forbidden(String whoMay) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, whoMay);
    }

    private static Instant start(String from) {
        return parse("from", from, false);
    }

    private static Instant end(String to) {
        return parse("to", to, true);
    }

    private static Instant parse(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException bad) {
            throw new InvalidRequestException(name + " must be a date (2025-03-01) or an instant "
                    + "(2025-03-01T00:00:00Z), not '" + value + "'");
        }
    }
}
