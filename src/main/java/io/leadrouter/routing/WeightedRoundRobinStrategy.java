package io.leadrouter.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;

/**
 * Weighted round-robin within a team: a rep of weight 2 gets twice the leads of a rep of weight
 * 1. Each eligible rep comes round in proportion to its weight ({@link VirtualTurns}); a rep
 * who cannot take leads for a while rejoins without a catch-up flood.
 */
@Component
class WeightedRoundRobinStrategy implements RoutingStrategy {

    static final String KEY = "weighted-round-robin";

    /** Each rep's weight in the rotation: their routing setting. */
    static final Function<List<Rep>, Map<String, Double>> WEIGHTS =
            reps -> reps.stream().collect(Collectors.toMap(Rep::getId, rep -> (double) rep.getWeight()));

    private final TeamCandidates candidates;

    WeightedRoundRobinStrategy(TeamCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        VirtualTurns.Turns turns = VirtualTurns.WEIGHTED.rank(candidates, "Weighted round-robin", request, WEIGHTS);
        TeamCandidates.Assessed team = turns.team();
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Ranked> ranking = turns.ranking().stream()
                .map(placed -> new Ranked(placed.rep(), "weight " + placed.rep().getWeight() + ", next turn at "
                        + String.format(Locale.ROOT, "%.2f", placed.place())))
                .toList();
        VirtualTurns.WEIGHTED.serve(team.rotation(), turns.ranking());
        Rep chosen = ranking.get(0).rep();
        return new Choice(team.all(), ranking, "Weighted round-robin in team " + team.team().getId() + ": "
                + chosen.getName() + " (weight " + chosen.getWeight() + ") was next in turn ("
                + TeamCandidates.eligibleCount(team, "by turn") + ")");
    }
}
