package io.leadrouter.lead;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** A rep's won and lost deals over all products, as performance routing counts them (rep_performance). */
final class RepDeals {

    private RepDeals() {
    }

    /** [wins, losses]; [0, 0] for a rep with no deal yet. */
    static List<Integer> of(JdbcTemplate jdbc, String rep) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select wins, losses from rep_performance where rep_id = ? and dimension = 'all'", rep);
        return rows.isEmpty() ? List.of(0, 0)
                : List.of(((Number) rows.get(0).get("WINS")).intValue(), ((Number) rows.get(0).get("LOSSES")).intValue());
    }
}
