package io.leadrouter.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.StatsScope;

/**
 * Leads with a rep (or, after an escalation, a manager) and no final outcome yet, now: awaiting
 * the first response (ASSIGNED), contacted and followed up (CONTACTED), or escalated. Each counts
 * in an age bucket by the time since it first went to a rep. Counted in the database.
 */
@Repository
@Transactional(readOnly = true)
class PendingOutcomes {

    /** Age buckets: from {@code since} (included) up to the next bucket's start. */
    enum AgeBucket {
        UNDER_1_DAY("under 1 day", Duration.ZERO),
        DAYS_1_TO_3("1-3 days", Duration.ofDays(1)),
        DAYS_3_TO_7("3-7 days", Duration.ofDays(3)),
        DAYS_7_TO_30("7-30 days", Duration.ofDays(7)),
        DAYS_30_TO_90("30-90 days", Duration.ofDays(30)),
        OVER_90_DAYS("90 days or more", Duration.ofDays(90));

        private final String label;
        private final Duration since;

        AgeBucket(String label, Duration since) {
            this.label = label;
            this.since = since;
        }

        String label() {
            return label;
        }

        private String column() {
            return "age_" + ordinal();
        }
    }

    /** Group by the lead's holder or its team. */
    enum By {
        /** Who holds the lead: its rep, or the manager it was escalated to. */
        REP("coalesce(l.owner_id, l.escalated_to)"),
        TEAM("l.team_id");

        private final String key;

        By(String key) {
            this.key = key;
        }
    }

    /**
     * The pending leads of one holder or team.
     *
     * @param awaitingResponse assigned, no outcome yet
     * @param contacted        contacted, followed up until a final outcome
     * @param escalated        with the team's manager after missed deadlines
     * @param byAge            count per age bucket label, youngest first (every bucket listed)
     */
    record Pending(String key, long leads, long awaitingResponse, long contacted, long escalated,
                   Map<String, Long> byAge) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    PendingOutcomes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The pending leads at {@code now} in the scope (by the lead's team and rep) and, when given, the team. */
    List<Pending> at(Instant now, By by, StatsScope scope, String team) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        List<String> buckets = new ArrayList<>();
        AgeBucket[] all = AgeBucket.values();
        for (int i = 0; i < all.length; i++) {
            String since = "coalesce(l.first_assigned_at, l.assigned_at, l.received_at)";
            // the youngest bucket has no upper bound: a lead assigned "after now" (a clock set back) counts there
            String condition = (i == 0 ? "1 = 1" : since + " <= :start" + i)
                    + (i + 1 < all.length ? " and " + since + " > :start" + (i + 1) : "");
            parameters.addValue("start" + i, OffsetDateTime.ofInstant(now.minus(all[i].since), ZoneOffset.UTC));
            buckets.add("sum(case when " + condition + " then 1 else 0 end) as " + all[i].column());
        }
        if (team != null) {
            parameters.addValue("team", team);
        }
        String sql = """
                select %1$s as group_key,
                       count(*) as pending,
                       sum(case when l.status = 'ASSIGNED' then 1 else 0 end) as awaiting,
                       sum(case when l.status = 'CONTACTED' then 1 else 0 end) as contacted,
                       sum(case when l.status = 'ESCALATED' then 1 else 0 end) as escalated,
                       %2$s
                from leads l
                where l.status in ('ASSIGNED', 'CONTACTED', 'ESCALATED') %3$s %4$s
                group by %1$s
                """.formatted(by.key, String.join(",\n       ", buckets), team == null ? "" : "and l.team_id = :team",
                scope.asCondition("l.team_id", "l.owner_id", parameters));
        return jdbc.query(sql, parameters, (row, n) -> pending(row)).stream()
                .sorted(Comparator.comparing(Pending::key, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private static Pending pending(ResultSet row) throws SQLException {
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (AgeBucket bucket : AgeBucket.values()) {
            byAge.put(bucket.label(), row.getLong(bucket.column()));
        }
        return new Pending(row.getString("group_key"), row.getLong("pending"), row.getLong("awaiting"),
                row.getLong("contacted"), row.getLong("escalated"), byAge);
    }
}
