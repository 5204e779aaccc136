package io.leadrouter.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.leadrouter.lead.StatsScope;

/**
 * Speed-to-lead totals per rep or team, aggregated in the database over the response clocks
 * (one per assignment of a lead to a rep) that started in a window. A lead reassigned after a
 * breach counts once per rep who had it: a breach for each rep who missed the deadline, and
 * whatever the last rep did. The routing delay counts on a lead's first assignment only.
 */
@Repository
@Transactional(readOnly = true)
public class ResponseStats {

    /** Group by rep or by team: the column and the index that serves it. */
    public enum By {
        REP("rep_id"), TEAM("team_id");

        private final String column;

        By(String column) {
            this.column = column;
        }
    }

    /** Average, median and 90th percentile of a delay in seconds; null when nothing was measured. */
    public record Delay(Double averageSeconds, Double medianSeconds, Double p90Seconds) {
    }

    /**
     * @param assigned    assignments (response clocks started)
     * @param responded   assignments the rep responded to (in time or late)
     * @param open        clocks still running
     * @param slaMet      responses by the deadline
     * @param slaBreached deadlines missed (no response in time, taken away or answered late)
     * @param slaMetRate  met / (met + breached), null while nothing is decided
     */
    public record Totals(@JsonIgnore String key, long assigned, long responded, long open, long slaMet, long slaBreached,
                         Double slaMetRate, Delay routingDelay, Delay repDelay) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ResponseStats(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Totals of clocks started in [from, to) that the scope lets the caller read (in the where
     * clause, by the team the lead was assigned in or the rep: each served by an index); either end
     * of the window may be null (open).
     */
    public List<Totals> totals(By by, Instant from, Instant to, StatsScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String sql = """
                select c.%1$s as group_key,
                       count(*) as assigned,
                       count(c.responded_at) as responded,
                       sum(case when c.result = 'OPEN' then 1 else 0 end) as open_clocks,
                       sum(case when c.result = 'MET' then 1 else 0 end) as met,
                       sum(case when c.result = 'BREACHED' then 1 else 0 end) as breached,
                       avg(cast(c.routing_delay_seconds as double precision)) as routing_average,
                       percentile_cont(0.5) within group (order by c.routing_delay_seconds) as routing_median,
                       percentile_cont(0.9) within group (order by c.routing_delay_seconds) as routing_p90,
                       avg(cast(c.rep_delay_seconds as double precision)) as rep_average,
                       percentile_cont(0.5) within group (order by c.rep_delay_seconds) as rep_median,
                       percentile_cont(0.9) within group (order by c.rep_delay_seconds) as rep_p90
                from response_clocks c
                where 1 = 1 %2$s %3$s %4$s
                group by c.%1$s
                order by c.%1$s
                """.formatted(by.column, from == null ? "" : "and c.assigned_at >= :from",
                to == null ? "" : "and c.assigned_at < :to", scope.asCondition("c.team_id", "c.rep_id", parameters));
        if (from != null) {
            parameters.addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            parameters.addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return jdbc.query(sql, parameters, (row, n) -> totals(row));
    }

    /**
     * One rep's totals over the clocks started in [from, to) (either end may be null: open), all
     * zero when the rep had none; the caller decided that the figures may be read.
     */
    public Totals ofRep(String repId, Instant from, Instant to) {
        return totals(By.REP, from, to, new StatsScope(false, Set.of(), repId)).stream().findFirst()
                .orElseGet(() -> new Totals(repId, 0, 0, 0, 0, 0, null, new Delay(null, null, null),
                        new Delay(null, null, null)));
    }

    private static Totals totals(ResultSet row) throws SQLException {
        long met = row.getLong("met");
        long breached = row.getLong("breached");
        return new Totals(row.getString("group_key"), row.getLong("assigned"), row.getLong("responded"),
                row.getLong("open_clocks"), met, breached,
                met + breached == 0 ? null : (double) met / (met + breached),
                new Delay(number(row, "routing_average"), number(row, "routing_median"), number(row, "routing_p90")),
                new Delay(number(row, "rep_average"), number(row, "rep_median"), number(row, "rep_p90")));
    }

    private static Double number(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
