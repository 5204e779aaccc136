package io.leadrouter.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored credit of reps under a credit-based strategy ({@link CreditScheduler}). Read and
 * written in the routing transaction while the team row is locked.
 */
@Component
class CreditLedger {

    private final NamedParameterJdbcTemplate jdbc;

    CreditLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Double> credits(String strategy, Collection<String> reps) {
        Map<String, Double> credits = new HashMap<>();
        jdbc.query("select rep_id, credit from routing_credits where strategy = :strategy and rep_id in (:reps)",
                new MapSqlParameterSource("strategy", strategy).addValue("reps", reps),
                row -> {
                    credits.put(row.getString(1), row.getDouble(2));
                });
        return credits;
    }

    /** Writes every given credit: one batch of updates, then one of inserts for reps new to the strategy. */
    void store(String strategy, Map<String, Double> credits) {
        List<MapSqlParameterSource> rows = credits.entrySet().stream()
                .map(credit -> new MapSqlParameterSource("strategy", strategy).addValue("rep", credit.getKey())
                        .addValue("credit", credit.getValue()))
                .toList();
        int[] updated = jdbc.batchUpdate(
                "update routing_credits set credit = :credit where rep_id = :rep and strategy = :strategy",
                rows.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("insert into routing_credits (rep_id, strategy, credit) values (:rep, :strategy, :credit)",
                    missing.toArray(MapSqlParameterSource[]::new));
        }
    }
}
