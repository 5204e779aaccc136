package io.leadrouter.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;

/**
 * Load-balanced / capacity routing: the eligible rep with the most headroom (open-lead cap minus
 * open leads) gets the lead; ties go to the rep longest waiting. Reps at a cap are left out
 * by {@link CandidatePool}.
 *
 * <p>Catch-up bound: a rep back from an absence has few open leads and would get every lead
 * until level with the team (the flood users of other routers complain of). Here a rep may get
 * at most {@code catch-up-per-day} leads more than the team's average of the last 24 hours, so
 * they catch up at a bounded rate, and never get zero.
 */
@Component
class CapacityStrategy implements RoutingStrategy {

    static final String KEY = "capacity";

    private final TeamCandidates candidates;
    private final RoutingDecisionRepository decisions;
    private final RoutingProperties properties;
    private final Clock clock;

    CapacityStrategy(TeamCandidates candidates, RoutingDecisionRepository decisions, RoutingProperties properties,
                     Clock clock) {
        this.candidates = candidates;
        this.decisions = decisions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        TeamCandidates.Assessed team = candidates.assess("Capacity routing", request);
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        Map<String, Long> lastDay = CandidatePool.counts(decisions.countGivenSince(
                team.eligible().stream().map(a -> a.rep().getId()).toList(), clock.instant().minus(Duration.ofDays(1))));
        double average = team.eligible().stream().mapToLong(a -> lastDay.getOrDefault(a.rep().getId(), 0L))
                .average().orElse(0);
        long limit = (long) Math.ceil(average) + properties.catchUpPerDay();

        List<Assessment> all = new ArrayList<>();
        List<Assessment> open = new ArrayList<>();
        for (Assessment candidate : team.all()) {
            long given = lastDay.getOrDefault(candidate.rep().getId(), 0L);
            if (candidate.eligible() && given >= limit) {
                all.add(candidate.exclude("caught up enough for now (" + given + " leads in 24 h; team average "
                        + String.format(java.util.Locale.ROOT, "%.1f", average) + " + " + properties.catchUpPerDay() + ")"));
            } else {
                all.add(candidate);
                if (candidate.eligible()) {
                    open.add(candidate);
                }
            }
        }
        if (open.isEmpty()) { // everyone at the catch-up bound: the bound yields rather than block routing
            all = team.all();
            open = team.eligible();
        }
        List<Ranked> ranking = open.stream()
                .sorted(Comparator.comparingLong(this::headroom).reversed()
                        .thenComparingLong(Assessment::openLeads)
                        .thenComparing(Assessment::rep, RoundRobinStrategy.LONGEST_WAITING))
                .map(a -> new Ranked(a.rep(), "headroom " + headroom(a) + " (" + a.openLeads() + " open of "
                        + cap(a.rep()) + ")"))
                .toList();
        Rep chosen = ranking.get(0).rep();
        chosen.takeRoundRobinTurn(team.team().nextRoundRobinTurn());
        return new Choice(all, ranking, "Capacity routing in team " + team.team().getId() + ": " + chosen.getName()
                + " had the most headroom (" + ranking.get(0).why() + ")");
    }

    private long headroom(Assessment candidate) {
        return cap(candidate.rep()) - candidate.openLeads();
    }

    private int cap(Rep rep) {
        return rep.getMaxOpen() == null ? properties.defaultMaxOpen() : rep.getMaxOpen();
    }
}
