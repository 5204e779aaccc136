package io.leadrouter.routing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.team.Rep;

/**
 * Where a rep stands in their team's rotations right now: what routing would do with a lead of
 * the team arriving this moment (nobody had it before). The same code decides as for a real
 * lead: {@link CandidatePool} leaves out the reps routing would leave out (inactive, marked
 * unavailable, out of office, at a cap, outside working hours while colleagues work), and the
 * eligible reps are ranked in each rotation's own order ({@link RoundRobinStrategy#inTurn},
 * {@link VirtualTurns}) from the rotation rows routing keeps. Read without the team's lock and
 * without writing: a lead routed the next instant moves everyone on by one.
 */
@Service
public class RotationStandings {

    /** The strategy keys whose places {@link Standing} gives. */
    public static final String ROUND_ROBIN = RoundRobinStrategy.KEY;
    public static final String WEIGHTED_ROUND_ROBIN = WeightedRoundRobinStrategy.KEY;

    private final TeamCandidates candidates;
    private final CandidatePool pool;
    private final RoutingRules rules;

    RotationStandings(TeamCandidates candidates, CandidatePool pool, RoutingRules rules) {
        this.candidates = candidates;
        this.pool = pool;
        this.rules = rules;
    }

    /**
     * A rep's standing.
     *
     * @param load               the rep's leads against their caps, counted as the caps count them
     * @param inWorkingHours     whether the rep is within their working hours now
     * @param skipped            why routing leaves the rep out now; null when the rep could get the next lead
     * @param teamReps           reps in the team (the rep included)
     * @param eligibleReps       reps of the team who could get the next lead (the rep included, unless skipped)
     * @param colleaguesSkipped  the colleagues left out now, counted by the words of their reason
     * @param roundRobinPlace    1 for next in line under round-robin, 2 after one colleague, …; null when skipped
     * @param weight             the rep's weight under weighted round-robin
     * @param eligibleWeight     the weights of the eligible reps added up: the rep gets {@code weight} of every
     *                           {@code eligibleWeight} leads while the same reps stay eligible
     * @param weightedPlace      the rep's place by turn under weighted round-robin; null when skipped
     * @param routes             how the routing rules send leads to the team (strategies and rules)
     */
    public record Standing(RepLoad load, boolean inWorkingHours, Exclusion skipped, int teamReps, int eligibleReps,
                           Map<String, Long> colleaguesSkipped, Integer roundRobinPlace, int weight,
                           long eligibleWeight, Integer weightedPlace, List<RoutingRules.TeamRoute> routes) {

        public boolean eligible() {
            return skipped == null;
        }
    }

    /**
     * The rep's leads against their caps, counted as the caps count them; without the team's
     * rotation (cheaper than {@link #of}, for a board of many reps).
     */
    @Transactional(readOnly = true)
    public RepLoad loadOf(Rep rep) {
        return pool.load(rep);
    }

    @Transactional(readOnly = true)
    public Standing of(Rep rep) {
        TeamCandidates.Assessed team = candidates.snapshot(rep.getTeamId()).orElseThrow(() ->
                new IllegalStateException("Rep " + rep.getId() + " belongs to team " + rep.getTeamId()
                        + ", which does not exist"));
        Assessment mine = team.all().stream().filter(a -> a.rep().getId().equals(rep.getId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Rep " + rep.getId() + " is not among the reps of team "
                        + rep.getTeamId()));
        Integer roundRobinPlace = null;
        Integer weightedPlace = null;
        if (mine.eligible()) {
            roundRobinPlace = placeOf(rep, RoundRobinStrategy.inTurn(
                    team.eligible().stream().map(Assessment::rep).toList(), team.rotation())
                    .stream().map(RoutingStrategy.Ranked::rep).toList());
            weightedPlace = placeOf(rep, VirtualTurns.WEIGHTED.rankAssessed(team, WeightedRoundRobinStrategy.WEIGHTS)
                    .ranking().stream().map(VirtualTurns.Placed::rep).toList());
        }
        Map<String, Long> colleaguesSkipped = team.all().stream()
                .filter(a -> !a.eligible() && !a.rep().getId().equals(rep.getId()))
                .collect(Collectors.groupingBy(a -> a.exclusion().kind().words(), TreeMap::new, Collectors.counting()));
        long eligibleWeight = team.eligible().stream().mapToLong(a -> a.rep().getWeight()).sum();
        return new Standing(pool.load(rep), mine.inWorkingHours(), mine.exclusion(), team.all().size(),
                team.eligible().size(), colleaguesSkipped, roundRobinPlace, rep.getWeight(), eligibleWeight,
                weightedPlace, rules.routesTo(rep.getTeamId()));
    }

    private static Integer placeOf(Rep rep, List<Rep> ranking) {
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).getId().equals(rep.getId())) {
                return i + 1;
            }
        }
        throw new IllegalStateException("Eligible rep " + rep.getId() + " is missing from the ranking");
    }
}
