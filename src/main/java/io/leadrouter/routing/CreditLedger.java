package io.leadrouter.routing;

import java.util.Collection;
import java.util.HashMap;
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

    void store(String strategy, Map<String, Double> credits) {
        credits.forEach((rep, credit) -> {
            MapSqlParameterSource row = new MapSqlParameterSource("strategy", strategy).addValue("rep", rep)
                    .addValue("credit", credit);
            int updated = jdbc.update(
                    "update routing_credits set credit = :credit where rep_id = :rep and strategy = :strategy", row);
            if (updated == 0) {
                jdbc.update("insert into routing_credits (rep_id, strategy, credit) values (:rep, :strategy, :credit)",
                        row);
            }
        });
    }
}
