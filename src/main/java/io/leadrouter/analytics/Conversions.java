package io.leadrouter.analytics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.StatsScope;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Conversion of the leads received in a period that went to a rep, grouped by one dimension and
 * counted in the database. A lead is <em>decided</em> when its final outcome is CONVERTED or LOST:
 * the rate is converted / decided, with its Wilson interval ({@link Rate}). DISQUALIFIED and
 * NURTURE (not a lead for sales, not ready to buy) close a lead without a verdict on the sale and
 * are counted apart, as the performance record does ({@code performance/ConversionRates}); leads
 * still with a rep (assigned, contacted, escalated) are pending. Leads closed at qualification
 * never went to a rep and are not counted.
 */
@Repository
@Transactional(readOnly = true)
class Conversions {

    /** What the leads are grouped by: the key of each row, as an SQL expression over lead {@code l}. */
    enum Dimension {
        /** The rep who holds the lead (its final outcome is theirs); none for a lead a manager closed after escalation. */
        REP("rep", "l.owner_id"),
        TEAM("team", "l.team_id"),
        /** The strategy that first gave the lead to a rep ("manual" when sales ops did, after routing found nobody). */
        STRATEGY("strategy", """
                (select d.strategy from routing_decisions d
                 where d.lead_id = l.id and d.chosen_rep is not null
                 order by d.decided_at
                 fetch first 1 rows only)"""),
        /** The routing rule (row of routing-rules.dmn) that sent the lead to its team. */
        RULE("rule", "l.routing_rule"),
        SOURCE("source", "l.source"),
        TIER("tier", "l.tier"),
        /** Bands of ten points, aligned with the tier cut-offs (WARM from 40, HOT from 70): 0-9, ..., 90-100. */
        SCORE_BAND("scoreBand", """
                case when l.score is null then null
                     when l.score >= 90 then 90
                     when l.score < 10 then 0
                     else (l.score / 10) * 10 end""");

        private final String parameter;
        private final String key;

        Dimension(String parameter, String key) {
            this.parameter = parameter;
            this.key = key;
        }

        String parameter() {
            return parameter;
        }

        /** The dimension named by {@code by} (rep when not given); {@link InvalidInputException} names the parameter when none is. */
        static Dimension parse(String by) {
            if (by == null || by.isBlank()) {
                return REP;
            }
            return Stream.of(values()).filter(d -> d.parameter.equalsIgnoreCase(by.trim()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(List.of(new FieldError("by", "must be one of "
                            + Stream.of(values()).map(Dimension::parameter).collect(Collectors.joining(", "))
                            + ", not '" + by + "'"))));
        }

        /** The label of a score band's key ("40-49"); other keys are their own label. */
        String label(String key) {
            if (this != SCORE_BAND || key == null) {
                return key;
            }
            int start = Integer.parseInt(key);
            return start + "-" + (start == 90 ? 100 : start + 9);
        }

        /** Rows in a natural order: score bands by score, everything else by key; rows without a key last. */
        Comparator<Conversion> order() {
            Comparator<String> keys = this == SCORE_BAND ? Comparator.comparing(Integer::valueOf)
                    : Comparator.comparing(key -> key.toLowerCase(Locale.ROOT));
            return Comparator.comparing(Conversion::key, Comparator.nullsLast(keys));
        }
    }

    /**
     * The leads of one group.
     *
     * @param key          the group (rep id, team id, strategy key, rule name, source, tier, score band start);
     *                     null for leads without one
     * @param routed       leads that went to a rep
     * @param converted    final outcome CONVERTED
     * @param lost         final outcome LOST
     * @param disqualified final outcome DISQUALIFIED (not counted as decided)
     * @param nurture      final outcome NURTURE (not counted as decided)
     * @param pending      still with a rep or manager, no final outcome yet
     * @param revenue      the deal values of the converted leads added up
     */
    record Conversion(String key, long routed, long converted, long lost, long disqualified, long nurture,
                      long pending, BigDecimal revenue) {

        long decided() {
            return converted + lost;
        }

        Conversion plus(Conversion other) {
            return new Conversion(null, routed + other.routed, converted + other.converted, lost + other.lost,
                    disqualified + other.disqualified, nurture + other.nurture, pending + other.pending,
                    revenue.add(other.revenue));
        }

        static Conversion none() {
            return new Conversion(null, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    Conversions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The leads received in [from, to) that went to a rep, in the scope (by the lead's team and its
     * rep) and, when {@code team} is given, in that team, grouped by the dimension.
     */
    List<Conversion> of(Dimension by, Instant from, Instant to, StatsScope scope, String team) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        if (team != null) {
            parameters.addValue("team", team);
        }
        String sql = """
                select k.group_key,
                       count(*) as routed,
                       sum(case when k.outcome = 'CONVERTED' then 1 else 0 end) as converted,
                       sum(case when k.outcome = 'LOST' then 1 else 0 end) as lost,
                       sum(case when k.outcome = 'DISQUALIFIED' then 1 else 0 end) as disqualified,
                       sum(case when k.outcome = 'NURTURE' then 1 else 0 end) as nurture,
                       sum(case when k.status in ('ASSIGNED', 'CONTACTED', 'ESCALATED') then 1 else 0 end) as pending,
                       sum(case when k.outcome = 'CONVERTED' then k.deal_value else 0 end) as revenue
                from (select %1$s as group_key, l.outcome, l.status, l.deal_value
                      from leads l
                      where l.received_at >= :from and l.received_at < :to
                        and l.first_assigned_at is not null %2$s %3$s) k
                group by k.group_key
                """.formatted(by.key, team == null ? "" : "and l.team_id = :team",
                scope.asCondition("l.team_id", "l.owner_id", parameters));
        return jdbc.query(sql, parameters, (row, n) -> conversion(row)).stream().sorted(by.order()).toList();
    }

    private static Conversion conversion(ResultSet row) throws SQLException {
        BigDecimal revenue = row.getBigDecimal("revenue");
        return new Conversion(row.getString("group_key"), row.getLong("routed"), row.getLong("converted"),
                row.getLong("lost"), row.getLong("disqualified"), row.getLong("nurture"), row.getLong("pending"),
                revenue == null ? BigDecimal.ZERO : revenue);
    }
}
