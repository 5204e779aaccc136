package io.leadrouter.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ToDoubleFunction;

import io.leadrouter.team.Rep;

/**
 * Turns in proportion to a weight, for the strategies where each rep's share of a team's leads
 * follows a number: weighted round-robin (the rep's weight) and performance routing (the rep's
 * conversion rate).
 *
 * <p>Every rep holds a place on the team's virtual clock. The eligible rep with the lowest place
 * gets the lead (ties: by user id), the clock moves to that place, and the rep's place moves on
 * by {@code 1 / weight}: a rep of weight 2 comes round twice as often as a rep of weight 1. A rep
 * joins the rotation half a step past the clock ({@code 0.5 / weight}, the Sainte-Laguë
 * sequence), which keeps each rep's count within 1⅓ leads of its exact share over any run of
 * leads (weights 1 to 5, teams of 2 to 6: {@code VirtualTurnsTest}).
 *
 * <p>A rep new to the rotation, or whose place the clock passed while they could not take leads
 * (out of office, marked unavailable, at a cap, outside working hours while colleagues worked),
 * joins again half a step past the clock: no catch-up flood and no lost turn, as in round-robin.
 *
 * <p>Only the chosen rep's place (and those of reps who join) is written, so a decision does not
 * grow with the team: a team of more than {@value TeamCandidates#PAGE} reps is read in place
 * order, a page at a time, until no rep further on can have a lower place than the best found.
 * Places and clock are routing's rotation rows ({@link RepRotation}, {@link TeamRotation}),
 * written under the team's row lock.
 */
final class VirtualTurns {

    /** The weighted round-robin rotation. */
    static final VirtualTurns WEIGHTED = new VirtualTurns(RepRotation::getWeightedTurn, RepRotation::setWeightedTurn,
            TeamRotation::getWeightedClock, TeamRotation::setWeightedClock, TeamCandidates.IN_WEIGHTED_TURN);

    /** The performance-routing rotation. */
    static final VirtualTurns PERFORMANCE = new VirtualTurns(RepRotation::getPerformanceTurn,
            RepRotation::setPerformanceTurn, TeamRotation::getPerformanceClock, TeamRotation::setPerformanceClock,
            TeamCandidates.IN_PERFORMANCE_TURN);

    /** An eligible rep with its weight and place for this lead (lowest place first). */
    record Placed(Assessment assessment, double weight, double place) {

        Rep rep() {
            return assessment.rep();
        }
    }

    /** The assessed team and its eligible reps by place; the first gets the lead. */
    record Turns(TeamCandidates.Assessed team, List<Placed> ranking) {
    }

    private final ToDoubleFunction<RepRotation> stored;
    private final ObjDoubleConsumer<RepRotation> store;
    private final ToDoubleFunction<TeamRotation> clock;
    private final ObjDoubleConsumer<TeamRotation> setClock;
    private final TeamCandidates.Order order;

    private VirtualTurns(ToDoubleFunction<RepRotation> stored, ObjDoubleConsumer<RepRotation> store,
                         ToDoubleFunction<TeamRotation> clock, ObjDoubleConsumer<TeamRotation> setClock,
                         TeamCandidates.Order order) {
        this.stored = stored;
        this.store = store;
        this.clock = clock;
        this.setClock = setClock;
        this.order = order;
    }

    /** A rep's place for the next lead: where it stands, or half a step past the clock when it (re)joins. */
    static double place(double stored, double clock, double weight) {
        return stored == 0 || stored < clock ? clock + 0.5 / weight : stored;
    }

    /**
     * Assesses the team (a large one in place order, only as far as needed) and ranks its
     * eligible reps by place. {@code weights} gives the weight of each of a group of reps.
     * Nothing is written: {@link #serve} does that for the rep chosen.
     */
    Turns rank(TeamCandidates candidates, String strategyName, RoutingStrategy.Request request,
                Function<List<Rep>, Map<String, Double>> weights) {
        Map<String, Double> weight = new HashMap<>();
        TeamCandidates.Assessed team = candidates.paged(request)
                .flatMap(paged -> assessInPlaceOrder(paged, weights, weight))
                .orElseGet(() -> candidates.assess(strategyName, request));
        if (team.nobody() != null) {
            return new Turns(team, List.of());
        }
        return ranked(team, weights, weight);
    }

    /**
     * Ranks the eligible reps of a team assessed already (whole) by place, as {@link #rank}
     * does: for showing a rep where they stand. Nothing is written.
     */
    Turns rankAssessed(TeamCandidates.Assessed team, Function<List<Rep>, Map<String, Double>> weights) {
        return ranked(team, weights, new HashMap<>());
    }

    /** The eligible reps by place; {@code weight} holds the weights known so far and gets the others. */
    private Turns ranked(TeamCandidates.Assessed team, Function<List<Rep>, Map<String, Double>> weights,
                         Map<String, Double> weight) {
        weight.putAll(weights.apply(team.eligible().stream().map(Assessment::rep)
                .filter(rep -> !weight.containsKey(rep.getId())).toList()));
        Rotation rotation = team.rotation();
        double now = clock.applyAsDouble(rotation.team());
        List<Placed> ranking = team.eligible().stream()
                .map(a -> {
                    double w = weight.get(a.rep().getId());
                    return new Placed(a, w, place(stored.applyAsDouble(rotation.of(a.rep())), now, w));
                })
                .sorted(Comparator.comparingDouble(Placed::place).thenComparing(p -> p.rep().getId()))
                .toList();
        return new Turns(team, ranking);
    }

    /**
     * Reads a large team in place order until the lowest place among eligible reps at work is
     * certain: reps further on stand at least where the last one read stands, and a joining rep
     * stands at the clock or before. Empty when nobody in the team is at work (then the whole
     * team is assessed).
     */
    private Optional<TeamCandidates.Assessed> assessInPlaceOrder(TeamCandidates.Paged paged,
                                                                Function<List<Rep>, Map<String, Double>> weights,
                                                                Map<String, Double> weight) {
        Rotation rotation = paged.rotation();
        double now = clock.applyAsDouble(rotation.team());
        double best = Double.POSITIVE_INFINITY;
        for (Iterator<List<Assessment>> pages = paged.inOrder(order); pages.hasNext(); ) {
            List<Assessment> page = pages.next();
            List<Rep> atWork = page.stream().filter(a -> a.eligible() && a.inWorkingHours())
                    .map(Assessment::rep).filter(rep -> !weight.containsKey(rep.getId())).toList();
            weight.putAll(weights.apply(atWork));
            for (Rep rep : atWork) {
                best = Math.min(best, place(stored.applyAsDouble(rotation.of(rep)), now, weight.get(rep.getId())));
            }
            if (!page.isEmpty() && stored.applyAsDouble(rotation.of(page.get(page.size() - 1).rep())) >= best) {
                break;
            }
        }
        return best == Double.POSITIVE_INFINITY ? Optional.empty() : Optional.of(paged.assessed());
    }

    /**
     * The first ranked rep gets the lead: the clock moves to its place and its place on by one
     * step; ranked reps who joined the rotation keep their new place.
     */
    void serve(Rotation rotation, List<Placed> ranking) {
        for (Placed placed : ranking) {
            RepRotation rep = rotation.of(placed.rep());
            if (placed.place() != stored.applyAsDouble(rep)) {
                store.accept(rep, placed.place());
            }
        }
        Placed chosen = ranking.get(0);
        setClock.accept(rotation.team(), Math.max(clock.applyAsDouble(rotation.team()), chosen.place()));
        store.accept(rotation.of(chosen.rep()), chosen.place() + 1 / chosen.weight());
    }
}
