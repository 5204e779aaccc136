package io.leadrouter.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepAbsenceRepository;
import io.leadrouter.team.RepRepository;

/**
 * Load-balanced / capacity routing: the eligible rep with the most headroom (open-lead cap minus
 * open leads) gets the lead; ties go to the rep longest waiting. Reps at a cap are left out
 * by {@link CandidatePool}.
 *
 * <p>Catch-up bound: a rep back from an absence has few open leads and would get every lead
 * until level with the team (the flood users of other routers complain of). Here no rep gets
 * more than an equal share of the team's leads plus {@code catch-up-per-day} within the last 24
 * hours, counted from their return if they came back within that time. A returning rep
 * therefore catches up by at most that many extra leads a day, and never gets zero.
 *
 * <p>A team of more than {@value TeamCandidates#PAGE} reps is read in headroom order, a page at a
 * time, until an eligible rep at work within the bound is found ({@link TeamCandidates.Paged});
 * its equal share then counts the team's active, available reps (counted at most once a second),
 * and the team's leads of the last 24 hours are counted in full at most once a second, adding
 * the few given since (a full count reads every lead the team got that day).
 */
@Component
class CapacityStrategy implements RoutingStrategy {

    static final String KEY = "capacity";

    private final TeamCandidates candidates;
    private final CandidatePool pool;
    private final RoutingDecisionRepository decisions;
    private final RepAbsenceRepository absences;
    private final RepRepository reps;
    private final RoutingProperties properties;
    private final Clock clock;
    private final Cache<String, Counted> teamLeadsToday =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).build();
    private final Cache<String, Long> teamSharers =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).build();

    CapacityStrategy(TeamCandidates candidates, CandidatePool pool, RoutingDecisionRepository decisions,
                     RepAbsenceRepository absences, RepRepository reps, RoutingProperties properties, Clock clock) {
        this.candidates = candidates;
        this.pool = pool;
        this.decisions = decisions;
        this.absences = absences;
        this.reps = reps;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        Optional<TeamCandidates.Paged> paged = candidates.paged(request);
        // the equal share of the catch-up bound: a large team counts the reps who may take leads at all
        long sharers = paged.map(p -> teamSharers.get(p.team().getId(), reps::countByTeamIdAndActiveTrueAndAvailableTrue))
                .orElse(0L);
        Map<String, Exclusion> overInPages = new HashMap<>();
        Optional<TeamCandidates.Assessed> inPages = paged.flatMap(p -> assessByHeadroom(p, sharers, overInPages));
        TeamCandidates.Assessed team = inPages.orElseGet(() -> candidates.assess("Capacity routing", request));
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        // read in pages, every eligible rep (all at work) has been checked against the bound already
        Map<String, Exclusion> overCatchUpBound = inPages.isPresent() ? overInPages
                : overCatchUpBound(team.team().getId(), team.eligible(), team.eligible().size(), false);
        List<Assessment> all = new ArrayList<>();
        List<Assessment> open = new ArrayList<>();
        for (Assessment candidate : team.all()) {
            Exclusion bound = overCatchUpBound.get(candidate.rep().getId());
            all.add(bound == null ? candidate : candidate.exclude(bound));
            if (candidate.eligible() && bound == null) {
                open.add(candidate);
            }
        }
        if (open.isEmpty()) { // cannot happen while shares are equal; never block routing on the bound
            all = team.all();
            open = team.eligible();
        }
        Map<String, Long> openLeads = pool.openLeads(open.stream().map(Assessment::rep).toList());
        ToLongFunction<Assessment> openOf = a -> openLeads.getOrDefault(a.rep().getId(), 0L);
        ToLongFunction<Assessment> headroom = a -> cap(a.rep()) - openOf.applyAsLong(a);
        List<Ranked> ranking = open.stream()
                .sorted(Comparator.comparingLong(headroom).reversed()
                        .thenComparingLong(openOf)
                        .thenComparing(Assessment::rep, team.rotation().longestWaiting()))
                .map(a -> new Ranked(a.rep(), "headroom " + headroom.applyAsLong(a) + " (" + openOf.applyAsLong(a)
                        + " open of " + cap(a.rep()) + ")"))
                .toList();
        Rep chosen = ranking.get(0).rep();
        team.rotation().takeRoundRobinTurn(chosen);
        return new Choice(all, ranking, "Capacity routing in team " + team.team().getId() + ": " + chosen.getName()
                + " had the most headroom (" + ranking.get(0).why() + "; "
                + TeamCandidates.eligibleCount(team, "by headroom") + ")");
    }

    /**
     * A large team read in headroom order until an eligible rep at work within the catch-up
     * bound is found; empty when there is none (then the whole team is assessed). The reps over
     * the bound among those read go into {@code over}.
     */
    private Optional<TeamCandidates.Assessed> assessByHeadroom(TeamCandidates.Paged paged, long sharers,
                                                               Map<String, Exclusion> over) {
        for (Iterator<List<Assessment>> pages = paged.inOrder(TeamCandidates.byHeadroom(properties.defaultMaxOpen()));
             pages.hasNext(); ) {
            List<Assessment> atWork = pages.next().stream().filter(a -> a.eligible() && a.inWorkingHours()).toList();
            over.putAll(overCatchUpBound(paged.team().getId(), atWork, sharers, true));
            if (atWork.stream().anyMatch(a -> !over.containsKey(a.rep().getId()))) {
                return Optional.of(paged.assessed());
            }
        }
        return Optional.empty();
    }

    /**
     * Eligible reps who already got an equal share (the team's leads over {@code sharers}) plus
     * the catch-up allowance, with the reason.
     */
    private Map<String, Exclusion> overCatchUpBound(String team, List<Assessment> eligible, long sharers,
                                                 boolean largeTeam) {
        if (eligible.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        List<String> ids = eligible.stream().map(a -> a.rep().getId()).toList();
        Map<String, Instant> windowStart = new HashMap<>();
        for (Assessment candidate : eligible) {
            Instant since = candidate.rep().getAvailableSince();
            windowStart.put(candidate.rep().getId(), since != null && since.isAfter(dayAgo) ? since : dayAgo);
        }
        for (Object[] back : absences.lastReturns(ids, dayAgo, now)) {
            windowStart.merge((String) back[0], (Instant) back[1], (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Instant, List<String>> bySince = new HashMap<>();
        windowStart.forEach((rep, since) -> bySince.computeIfAbsent(since, s -> new ArrayList<>()).add(rep));
        Map<String, Exclusion> over = new HashMap<>();
        bySince.forEach((since, reps) -> {
            Map<String, Long> given = CandidatePool.counts(decisions.countGivenSince(reps, since));
            if (given.values().stream().allMatch(got -> got < properties.catchUpPerDay())) {
                return; // below the allowance alone: within the bound whatever the team got
            }
            long teamGiven;
            if (largeTeam && since.equals(dayAgo)) {
                // the day's count as of up to a second ago, plus the leads given since (a short index range)
                Counted day = teamLeadsToday.get(team, t -> new Counted(decisions.countTeamGivenSince(t, dayAgo), now));
                teamGiven = day.leads() + decisions.countTeamGivenSince(team, day.at());
            } else {
                teamGiven = decisions.countTeamGivenSince(team, since);
            }
            long share = teamGiven / Math.max(1, sharers);
            for (String rep : reps) {
                long got = given.getOrDefault(rep, 0L);
                if (got >= share + properties.catchUpPerDay()) {
                    over.put(rep, Exclusion.Kind.CAUGHT_UP.because("(" + got + " of the team's " + teamGiven
                            + " leads since " + (since.equals(dayAgo) ? "24 h ago" : "coming back at " + since)
                            + "; equal share " + share + " + " + properties.catchUpPerDay() + ")"));
                }
            }
        });
        return over;
    }

    /** A team's leads of the last 24 hours, counted at {@code at}. */
    private record Counted(long leads, Instant at) {
    }

    private int cap(Rep rep) {
        return rep.getMaxOpen() == null ? properties.defaultMaxOpen() : rep.getMaxOpen();
    }
}
