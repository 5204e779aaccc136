package io.leadrouter.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.performance.ConversionRates;
import io.leadrouter.team.Rep;

/**
 * Performance-based routing: reps who convert better in the lead's product (or its sector) get
 * more of those leads. Each eligible rep's share is its conversion rate over the team's total
 * ({@link ConversionRates}: new reps start at the team rate), lifted to a fairness floor so no
 * eligible rep falls below {@code performance-floor} of an equal split; leads follow the shares
 * through {@link CreditScheduler}.
 */
@Component
class PerformanceStrategy implements RoutingStrategy {

    static final String KEY = "performance";

    private final TeamCandidates candidates;
    private final ConversionRates conversionRates;
    private final CreditLedger ledger;
    private final RoutingProperties properties;

    PerformanceStrategy(TeamCandidates candidates, ConversionRates conversionRates, CreditLedger ledger,
                        RoutingProperties properties) {
        this.candidates = candidates;
        this.conversionRates = conversionRates;
        this.ledger = ledger;
        this.properties = properties;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        TeamCandidates.Assessed team = candidates.assess("Performance routing", request);
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Rep> eligible = team.eligible().stream().map(Assessment::rep).toList();
        ConversionRates.Rates rates = conversionRates.rates(eligible.stream().map(Rep::getId).toList(),
                request.lead().product(), request.lead().industry(), properties.performancePrior());
        Map<String, Double> shares = withFloor(rates.byRep(), properties.performanceFloor());
        Map<String, Double> stored = ledger.credits(KEY, shares.keySet());
        CreditScheduler.Turn turn = CreditScheduler.next(stored, shares);
        ledger.store(KEY, turn.credits());

        Map<String, Rep> byId = eligible.stream().collect(Collectors.toMap(Rep::getId, Function.identity()));
        List<Ranked> ranking = turn.ranking().stream()
                .map(id -> new Ranked(byId.get(id), String.format(Locale.ROOT,
                        "conversion %.0f%% on %s (%d deals), share %.0f%%", 100 * rates.byRep().get(id),
                        rates.basis(), rates.deals().get(id), 100 * shares.get(id))))
                .toList();
        Rep chosen = ranking.get(0).rep();
        return new Choice(team.all(), ranking, "Performance routing in team " + team.team().getId() + ": "
                + chosen.getName() + " was furthest behind their share (" + ranking.get(0).why() + ")");
    }

    /**
     * Shares proportional to the rates, with every share at least {@code floor} of an equal
     * split: reps below the floor are lifted to it and the rest is shared out by rate.
     */
    static Map<String, Double> withFloor(Map<String, Double> rates, double floor) {
        double minimum = floor / rates.size();
        Map<String, Double> shares = new HashMap<>();
        Map<String, Double> free = new HashMap<>(rates);
        while (true) {
            double mass = 1.0 - minimum * shares.size();
            double total = free.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> proportional = new HashMap<>();
            free.forEach((rep, rate) -> proportional.put(rep, total == 0 ? mass / free.size() : mass * rate / total));
            List<String> below = proportional.entrySet().stream().filter(e -> e.getValue() < minimum)
                    .map(Map.Entry::getKey).toList();
            if (below.isEmpty()) {
                shares.putAll(proportional);
                return shares;
            }
            below.forEach(rep -> {
                shares.put(rep, minimum);
                free.remove(rep);
            });
        }
    }
}
