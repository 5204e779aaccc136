package io.leadrouter.routing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;

/**
 * Weighted round-robin within a team: each eligible rep's share of the leads is its weight over
 * the eligible reps' total weight, so a rep of weight 2 gets twice the leads of a rep of weight
 * 1, within one lead over any run of leads ({@link CreditScheduler}).
 */
@Component
class WeightedRoundRobinStrategy implements RoutingStrategy {

    static final String KEY = "weighted-round-robin";

    private final TeamCandidates candidates;
    private final CreditLedger ledger;

    WeightedRoundRobinStrategy(TeamCandidates candidates, CreditLedger ledger) {
        this.candidates = candidates;
        this.ledger = ledger;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        TeamCandidates.Assessed team = candidates.assess("Weighted round-robin", request);
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Rep> eligible = team.eligible().stream().map(Assessment::rep).toList();
        double totalWeight = eligible.stream().mapToInt(Rep::getWeight).sum();
        Map<String, Double> shares = eligible.stream()
                .collect(Collectors.toMap(Rep::getId, rep -> rep.getWeight() / totalWeight));
        Map<String, Double> stored = ledger.credits(KEY, shares.keySet());
        CreditScheduler.Turn turn = CreditScheduler.next(stored, shares);
        ledger.store(KEY, turn.credits());

        Map<String, Rep> byId = eligible.stream().collect(Collectors.toMap(Rep::getId, Function.identity()));
        List<Ranked> ranking = turn.ranking().stream()
                .map(id -> new Ranked(byId.get(id), "weight " + byId.get(id).getWeight() + " of " + (int) totalWeight
                        + ", credit " + String.format(java.util.Locale.ROOT, "%.2f", stored.getOrDefault(id, 0.0)
                        + shares.get(id))))
                .toList();
        Rep chosen = ranking.get(0).rep();
        return new Choice(team.all(), ranking, "Weighted round-robin in team " + team.team().getId() + ": "
                + chosen.getName() + " (weight " + chosen.getWeight() + ") was furthest behind their share ("
                + eligible.size() + " of " + team.all().size() + " reps eligible)");
    }
}
