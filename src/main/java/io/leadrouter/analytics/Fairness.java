package io.leadrouter.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.lead.StatsScope;
import io.leadrouter.routing.RecordedCandidates;
import io.leadrouter.routing.RotationStandings;

/**
 * Whether the rotations kept their promise: for each rotation pool (a team under round-robin or
 * weighted round-robin), each rep's share of the pool's leads in a period against the share the
 * strategy promised them.
 *
 * <p>The promise is made lead by lead, among the reps eligible for that lead (as its routing
 * decision recorded them, {@link RecordedCandidates}): round-robin promises each eligible rep an
 * equal part of it, weighted round-robin a part in proportion to their weight (as the rep's
 * weight is now: weight changes are not kept). A rep's promised share is the sum of those parts
 * over the pool's leads, divided by the leads. So a rep away for half the period is promised
 * less, and a pool that treated everyone by its rule deviates by little. The deviation is the
 * rep's share minus the promised share; the pool's largest deviation is the largest in size.
 *
 * <p>Decisions in a large team assessed a page at a time do not name every eligible rep: their
 * part is spread over the reps they name, and the pool is marked not exact.
 */
@Service
class Fairness {

    /** The strategies whose pools are measured: those that promise shares. */
    static final List<String> ROTATIONS = List.of(RotationStandings.ROUND_ROBIN, RotationStandings.WEIGHTED_ROUND_ROBIN);

    /**
     * One rep in a pool.
     *
     * @param leads         leads the rep got from the pool in the period
     * @param share         leads / the pool's leads
     * @param expectedLeads leads the strategy promised the rep
     * @param promisedShare expectedLeads / the pool's leads
     * @param deviation     share - promisedShare
     */
    record RepShare(String rep, long leads, double share, double expectedLeads, double promisedShare,
                    double deviation) {
    }

    /**
     * One pool.
     *
     * @param exact            false when some decisions did not name every eligible rep (large teams)
     * @param largestDeviation the rep whose share is furthest from their promise
     */
    record Pool(String team, String strategy, long leads, boolean exact, List<RepShare> reps,
                RepShare largestDeviation) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    Fairness(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The pools of the leads given in [from, to) by a rotation strategy, in the scope (by the
     * team) and, when given, the team: by team, then strategy.
     */
    @Transactional(readOnly = true)
    List<Pool> pools(Instant from, Instant to, StatsScope scope, String team) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .addValue("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .addValue("rotations", ROTATIONS);
        if (team != null) {
            parameters.addValue("team", team);
        }
        String sql = """
                select d.team_id, d.strategy, d.chosen_rep, d.summary, d.candidates
                from routing_decisions d
                where d.decided_at >= :from and d.decided_at < :to
                  and d.chosen_rep is not null and d.team_id is not null
                  and d.strategy in (:rotations) %1$s %2$s
                """.formatted(team == null ? "" : "and d.team_id = :team",
                scope.asCondition("d.team_id", "d.chosen_rep", parameters));
        Map<String, Integer> weights = new HashMap<>();
        jdbc.query("select id, weight from reps", row -> {
            weights.put(row.getString("id"), row.getInt("weight"));
        });
        Map<List<String>, Tally> tallies = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        jdbc.query(sql, parameters, row -> {
            String strategy = row.getString("strategy");
            String chosen = row.getString("chosen_rep");
            RecordedCandidates candidates = RecordedCandidates.of(row.getString("candidates"),
                    row.getString("summary"), json);
            tallies.computeIfAbsent(List.of(row.getString("team_id"), strategy), key -> new Tally())
                    .count(chosen, candidates, RotationStandings.WEIGHTED_ROUND_ROBIN.equals(strategy)
                            ? rep -> weights.getOrDefault(rep, 1) : rep -> 1);
        });
        List<Pool> pools = new ArrayList<>();
        tallies.forEach((key, tally) -> pools.add(tally.pool(key.get(0), key.get(1))));
        return pools;
    }

    /** A weight per rep: 1 each under round-robin, the rep's weight under weighted round-robin. */
    private interface Weights {
        int of(String rep);
    }

    /** The leads and promises of one pool, counted decision by decision. */
    private static final class Tally {

        private final Map<String, Long> leads = new TreeMap<>();
        private final Map<String, Double> expected = new TreeMap<>();
        private long total;
        private boolean exact = true;

        void count(String chosen, RecordedCandidates candidates, Weights weights) {
            total++;
            leads.merge(chosen, 1L, Long::sum);
            List<String> eligible = new ArrayList<>(candidates.eligible());
            if (!eligible.contains(chosen)) {
                eligible.add(chosen);
            }
            exact &= candidates.complete() && candidates.eligible().contains(chosen);
            double weightOfAll = eligible.stream().mapToInt(weights::of).sum();
            for (String rep : eligible) {
                expected.merge(rep, weights.of(rep) / weightOfAll, Double::sum);
                leads.putIfAbsent(rep, 0L);
            }
        }

        Pool pool(String team, String strategy) {
            List<RepShare> reps = leads.entrySet().stream().map(rep -> {
                double promised = expected.getOrDefault(rep.getKey(), 0.0);
                double share = (double) rep.getValue() / total;
                return new RepShare(rep.getKey(), rep.getValue(), share, promised, promised / total,
                        share - promised / total);
            }).toList();
            RepShare largest = reps.stream().max(Comparator.comparingDouble((RepShare r) -> Math.abs(r.deviation()))
                    .thenComparing(RepShare::rep, Comparator.reverseOrder())).orElse(null);
            return new Pool(team, strategy, total, exact, reps, largest);
        }
    }
}
