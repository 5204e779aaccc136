package io.leadrouter.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadrouter.performance.ConversionRates;
import io.leadrouter.team.Rep;

/**
 * Performance-based routing: reps who convert better in the lead's product (or its sector, or
 * overall) get more of those leads. Each eligible rep comes round in proportion to its conversion
 * rate ({@link ConversionRates}: smoothed towards the team's rate, so a new rep starts at the
 * team rate), lifted to at least {@code performance-floor} of the team's rate so that a weak rep
 * still gets a fair minimum; the rotation is {@link VirtualTurns}.
 */
@Component
class PerformanceStrategy implements RoutingStrategy {

    static final String KEY = "performance";

    /** The least weight a rep can have, so a rate of 0 (with no floor) still gives a finite turn. */
    private static final double LEAST_WEIGHT = 1e-3;

    private final TeamCandidates candidates;
    private final ConversionRates conversionRates;
    private final RoutingProperties properties;

    PerformanceStrategy(TeamCandidates candidates, ConversionRates conversionRates, RoutingProperties properties) {
        this.candidates = candidates;
        this.conversionRates = conversionRates;
        this.properties = properties;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        ConversionRates.Basis basis = request.team() == null ? null
                : conversionRates.basis(request.team(), request.lead().product(), request.lead().industry());
        Map<String, Double> rates = new HashMap<>();
        Map<String, Integer> deals = new HashMap<>();
        VirtualTurns.Turns turns = VirtualTurns.PERFORMANCE.rank(candidates, "Performance routing", request, reps -> {
            ConversionRates.Rates found = conversionRates.rates(basis, reps.stream().map(Rep::getId).toList(),
                    properties.performancePrior());
            rates.putAll(found.byRep());
            deals.putAll(found.deals());
            Map<String, Double> weights = new HashMap<>();
            found.byRep().forEach((rep, rate) -> weights.put(rep, weight(rate, basis.teamRate(),
                    properties.performanceFloor())));
            return weights;
        });
        TeamCandidates.Assessed team = turns.team();
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Ranked> ranking = turns.ranking().stream()
                .map(placed -> new Ranked(placed.rep(), String.format(Locale.ROOT,
                        "conversion %.0f%% on %s (%d deals)%s, next turn at %.2f",
                        100 * rates.get(placed.rep().getId()), basis.label(), deals.get(placed.rep().getId()),
                        placed.weight() > rates.get(placed.rep().getId()) ? ", lifted to the fairness floor" : "",
                        placed.place())))
                .toList();
        VirtualTurns.PERFORMANCE.serve(team.rotation(), turns.ranking());
        Rep chosen = ranking.get(0).rep();
        return new Choice(team.all(), ranking, "Performance routing in team " + team.team().getId() + ": "
                + chosen.getName() + " was next in turn by conversion (" + ranking.get(0).why() + "; "
                + TeamCandidates.eligibleCount(team, "by turn") + ")");
    }

    /**
     * A rep's weight in the rotation: its rate, but at least {@code floor} of the team's rate, so
     * with {@code floor} 0.5 no rep gets less than about half of an equal split.
     */
    static double weight(double rate, double teamRate, double floor) {
        return Math.max(LEAST_WEIGHT, Math.max(rate, floor * teamRate));
    }
}
