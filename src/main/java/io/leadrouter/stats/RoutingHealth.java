package io.leadrouter.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.OpenIncidents;
import io.leadrouter.lead.StatsScope;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * How routing is doing now, for the ops dashboard in Cockpit: leads routed to a rep per minute over
 * the last hour, and the open incidents on the leads of the teams the caller reads.
 *
 * <p>"Routed" is a lead's first assignment to a rep (the response clock that carries a routing
 * delay), by the team it went to; reassignments are not counted. The count is one query over the
 * hour's response clocks, by team and time (index {@code idx_response_clocks_team}), one column per
 * minute. Incidents are the engine's: every incident for those who read every team, else those
 * of the process instances whose lead (business key) is in one of the caller's teams.
 */
@Service
@Transactional(readOnly = true)
public class RoutingHealth {

    /** The minutes shown, the current (unfinished) one last. */
    static final int WINDOW_MINUTES = 60;

    /** Incidents looked at for a caller who reads some teams only. */
    static final int INCIDENTS_LOOKED_AT = 1000;

    /** Leads routed in the minute starting at {@code minute}. */
    public record Minute(Instant minute, long routed) {
    }

    /**
     * @param teams           the teams counted
     * @param routedPerMinute the last {@value #WINDOW_MINUTES} minutes, oldest first
     * @param routedInWindow  their sum
     * @param openIncidents   open incidents on the leads of those teams (every incident for every team)
     */
    public record Health(Instant at, Set<String> teams, int windowMinutes, List<Minute> routedPerMinute,
                         long routedInWindow, long openIncidents) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TeamRepository teamRepository;
    private final OpenIncidents incidents;
    private final Clock clock;

    RoutingHealth(NamedParameterJdbcTemplate jdbc, TeamRepository teamRepository, OpenIncidents incidents,
                  Clock clock) {
        this.jdbc = jdbc;
        this.teamRepository = teamRepository;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The health of the teams the scope reads (by team; a rep's own figures are not a team's health). */
    public Health of(StatsScope scope) {
        Instant now = clock.instant();
        Set<String> teams = new TreeSet<>(scope.everything()
                ? teamRepository.findAll().stream().map(Team::getId).toList() : scope.teams());
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(WINDOW_MINUTES - 1L));
        long[] routed = routedPerMinute(teams, first);
        List<Minute> minutes = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < WINDOW_MINUTES; i++) {
            minutes.add(new Minute(first.plus(Duration.ofMinutes(i)), routed[i]));
            sum += routed[i];
        }
        long open = scope.everything() ? incidents.count() : incidentsOf(teams);
        return new Health(now, teams, WINDOW_MINUTES, minutes, sum, open);
    }

    private long[] routedPerMinute(Set<String> teams, Instant first) {
        long[] routed = new long[WINDOW_MINUTES];
        if (teams.isEmpty()) {
            return routed;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("teams", List.copyOf(teams));
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i <= WINDOW_MINUTES; i++) {
            parameters.addValue("t" + i, OffsetDateTime.ofInstant(first.plus(Duration.ofMinutes(i)), ZoneOffset.UTC));
        }
        for (int i = 0; i < WINDOW_MINUTES; i++) {
            columns.append(i == 0 ? "" : ", ").append("sum(case when c.assigned_at >= :t").append(i)
                    .append(" and c.assigned_at < :t").append(i + 1).append(" then 1 else 0 end) as m").append(i);
        }
        String sql = "select " + columns + " from response_clocks c where c.team_id in (:teams)"
                + " and c.assigned_at >= :t0 and c.assigned_at < :t" + WINDOW_MINUTES
                + " and c.routing_delay_seconds is not null";
        jdbc.query(sql, parameters, row -> {
            for (int i = 0; i < WINDOW_MINUTES; i++) {
                routed[i] = row.getLong("m" + i);
            }
        });
        return routed;
    }

    private long incidentsOf(Set<String> teams) {
        if (teams.isEmpty()) {
            return 0;
        }
        Map<String, Long> perLead = incidents.perBusinessKey(INCIDENTS_LOOKED_AT);
        if (perLead.isEmpty()) {
            return 0;
        }
        List<String> inTeams = jdbc.queryForList("select id from leads where id in (:leads) and team_id in (:teams)",
                new MapSqlParameterSource("leads", List.copyOf(perLead.keySet())).addValue("teams", List.copyOf(teams)),
                String.class);
        return inTeams.stream().mapToLong(perLead::get).sum();
    }
}
