package io.leadrouter.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * The reps of a team, locked and assessed, with the team's rotation state, for the strategies
 * that choose within a team.
 */
@Component
class TeamCandidates {

    private final TeamRepository teams;
    private final RepRepository reps;
    private final RepRotationRepository rotations;
    private final TeamRotationRepository teamRotations;
    private final CandidatePool pool;
    /**
     * Reps per team, counted at most once a second per team: the count reads the team's whole
     * index range, and it only decides whether a team is read a page at a time and what the
     * explanation says ("of 1,000 reps"); paging itself reads until the team is through.
     */
    private final Cache<String, Long> teamSizes =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).build();

    TeamCandidates(TeamRepository teams, RepRepository reps, RepRotationRepository rotations,
                   TeamRotationRepository teamRotations, CandidatePool pool) {
        this.teams = teams;
        this.reps = reps;
        this.rotations = rotations;
        this.teamRotations = teamRotations;
        this.pool = pool;
    }

    /**
     * A locked team with its rotation state and assessed reps; {@code nobody} says why there is
     * no candidate at all (then team and rotation may be null). In a large team only the first
     * reps in the strategy's order may have been assessed ({@link Paged}): then {@code all} is
     * smaller than {@code teamSize}.
     */
    record Assessed(Team team, Rotation rotation, List<Assessment> all, List<Assessment> eligible, String nobody,
                    long teamSize) {

        Assessed(Team team, Rotation rotation, List<Assessment> all, List<Assessment> eligible, String nobody) {
            this(team, rotation, all, eligible, nobody, all.size());
        }

        boolean partial() {
            return all.size() < teamSize;
        }
    }

    Assessed assess(String strategyName, RoutingStrategy.Request request) {
        if (request.team() == null) {
            return new Assessed(null, null, List.of(), List.of(),
                    strategyName + " needs a team, and the routing rule named none");
        }
        Team team = teams.findByIdForUpdate(request.team()).orElse(null);
        if (team == null) {
            return new Assessed(null, null, List.of(), List.of(), "Team '" + request.team() + "' does not exist");
        }
        Rotation rotation = rotationOf(team);
        List<RepRotation> members = rotations.findTeam(team.getId());
        members.forEach(rotation::read);
        List<Assessment> all = pool.assessLocked(members.stream().map(RepRotation::getRep).toList(),
                request.hadLeadBefore());
        List<Assessment> eligible = all.stream().filter(Assessment::eligible).toList();
        String nobody = eligible.isEmpty()
                ? strategyName + " in team " + team.getId() + ": none of its " + all.size() + " reps is eligible"
                        + exclusions(all)
                : null;
        return new Assessed(team, rotation, all, eligible, nobody);
    }

    /**
     * The whole team, assessed as a lead arriving now would meet it (nobody had it before), with
     * its rotation state, read without the team's lock: for showing a rep where they stand. A
     * routing running at this moment may change it the next instant; nothing is written. Empty
     * for an unknown team.
     */
    Optional<Assessed> snapshot(String teamId) {
        return teams.findById(teamId).map(team -> {
            Rotation rotation = rotationOf(team);
            List<RepRotation> members = rotations.findTeam(team.getId());
            members.forEach(rotation::read);
            List<Assessment> all = pool.assessLocked(members.stream().map(RepRotation::getRep).toList(), Set.of());
            return new Assessed(team, rotation, all, all.stream().filter(Assessment::eligible).toList(), null);
        });
    }

    /** The team's rotation row; read after the team's row lock is held, and written only under it. */
    private Rotation rotationOf(Team team) {
        return new Rotation(teamRotations.findById(team.getId()).orElseThrow(() ->
                new IllegalStateException("Team " + team.getId() + " has no rotation row (trigger of V19)")));
    }

    /**
     * A team of more than {@value #PAGE} reps, locked, to be assessed a page at a time in the
     * order its strategy ranks reps ({@link Paged}); empty for smaller teams and unknown teams,
     * which {@link #assess} assesses whole.
     */
    Optional<Paged> paged(RoutingStrategy.Request request) {
        if (request.team() == null) {
            return Optional.empty();
        }
        long size = teamSizes.get(request.team(), reps::countByTeamId);
        if (size <= PAGE) {
            return Optional.empty();
        }
        return teams.findByIdForUpdate(request.team())
                .map(team -> new Paged(team, rotationOf(team), size, request.hadLeadBefore()));
    }

    /** Reps in an order a strategy ranks them by: active, available reps of a team, one page. */
    interface Order {
        List<RepRotation> page(RepRotationRepository rotations, String team, Pageable page);
    }

    /** Round-robin order: longest waiting first. */
    static final Order IN_TURN = RepRotationRepository::findInTurn;

    /** Most senior first, longest waiting first within a seniority. */
    static final Order BY_SENIORITY = RepRotationRepository::findBySeniorityInTurn;

    /** Weighted round-robin order: lowest place in the rotation first ({@link VirtualTurns}). */
    static final Order IN_WEIGHTED_TURN = RepRotationRepository::findInWeightedTurn;

    /** Performance-routing order: lowest place in the rotation first ({@link VirtualTurns}). */
    static final Order IN_PERFORMANCE_TURN = RepRotationRepository::findInPerformanceTurn;

    /**
     * Capacity order: most headroom first (open-lead cap, or {@code defaultMaxOpen} for reps
     * without one, minus open leads), then fewest open leads, then longest waiting. Reps without
     * a cap and reps with one are each read in index order and merged, so no page needs the
     * whole team sorted: page {@code k} reads at most {@code (k + 1) × size} reps of each.
     */
    static Order byHeadroom(int defaultMaxOpen) {
        Comparator<RepRotation> order = Comparator.<RepRotation>comparingInt(rep -> headroom(rep, defaultMaxOpen))
                .reversed().thenComparingInt(RepRotation::getOpenLeads).thenComparing(RepRotation.LONGEST_WAITING);
        return (rotations, team, page) -> {
            Pageable upToPage = PageRequest.of(0, (page.getPageNumber() + 1) * page.getPageSize());
            List<RepRotation> merged = new ArrayList<>(rotations.findUncappedByOpenLeads(team, upToPage));
            merged.addAll(rotations.findCappedByHeadroom(team, upToPage));
            merged.sort(order);
            int from = (int) Math.min(page.getOffset(), merged.size());
            return merged.subList(from, Math.min(from + page.getPageSize(), merged.size()));
        };
    }

    private static int headroom(RepRotation rep, int defaultMaxOpen) {
        Integer maxOpen = rep.getRep().getMaxOpen();
        return (maxOpen == null ? defaultMaxOpen : maxOpen) - rep.getOpenLeads();
    }

    /** Reps below a seniority, longest waiting first. */
    static Order inTurnBelow(int seniority) {
        return (rotations, team, page) -> rotations.findInTurnBelow(team, seniority, page);
    }

    /**
     * A large team assessed a page at a time, so that a decision does not grow with the team:
     * a strategy asks for the first eligible rep at work in its order ({@link #firstAtWork}),
     * and then decides on the reps assessed so far ({@link #assessed}) by its usual rule. The
     * order makes that the same decision as on the whole team: every rep ranked before the one
     * found has been assessed and is not eligible at work.
     */
    final class Paged {

        private final Team team;
        private final Rotation rotation;
        private final long size;
        private final Set<String> hadLeadBefore;
        private final Map<String, Assessment> assessed = new LinkedHashMap<>();

        private Paged(Team team, Rotation rotation, long size, Set<String> hadLeadBefore) {
            this.team = team;
            this.rotation = rotation;
            this.size = size;
            this.hadLeadBefore = hadLeadBefore;
        }

        Team team() {
            return team;
        }

        /** The team's rotation state, with the rows of the reps read so far. */
        Rotation rotation() {
            return rotation;
        }

        /** Assesses reps in this order until one is eligible and at work: that one, or empty when nobody is. */
        Optional<Assessment> firstAtWork(Order order) {
            for (Iterator<List<Assessment>> pages = inOrder(order); pages.hasNext(); ) {
                for (Assessment assessment : pages.next()) {
                    if (assessment.eligible() && assessment.inWorkingHours()) {
                        return Optional.of(assessment);
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * The team's reps in this order, a page at a time, each assessed (reps assessed before
         * are not assessed again); the caller stops when it has what its rule needs.
         */
        Iterator<List<Assessment>> inOrder(Order order) {
            return new Iterator<>() {
                private int page;
                private boolean through;

                @Override
                public boolean hasNext() {
                    return !through;
                }

                @Override
                public List<Assessment> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    List<RepRotation> next = order.page(rotations, team.getId(), PageRequest.of(page++, PAGE));
                    through = next.size() < PAGE;
                    next.forEach(rotation::read);
                    pool.assessEach(next.stream().filter(rep -> !assessed.containsKey(rep.getRepId()))
                                    .map(RepRotation::getRep).toList(), hadLeadBefore)
                            .forEach(assessment -> assessed.put(assessment.rep().getId(), assessment));
                    return next.stream().map(rep -> assessed.get(rep.getRepId())).toList();
                }
            };
        }

        /** The reps assessed so far, with the working-hours preference applied. */
        Assessed assessed() {
            List<Assessment> all = CandidatePool.preferWorking(new ArrayList<>(assessed.values()));
            return new Assessed(team, rotation, all, all.stream().filter(Assessment::eligible).toList(), null,
                    Math.max(size, all.size()));
        }
    }

    /** Teams up to this size are assessed whole; larger ones a page at a time ({@link Paged}). */
    static final int PAGE = 20;

    /** What a decision's summary says when a large team was paged: not every rep was assessed. */
    static final String PAGED = " eligible among the first ";

    /** "3 of 12 reps eligible", or "3 eligible among the first 20 of 1000 reps" when a large team was paged. */
    static String eligibleCount(Assessed team, String order) {
        return team.partial()
                ? team.eligible().size() + PAGED + team.all().size() + " of " + team.teamSize()
                        + " reps " + order
                : team.eligible().size() + " of " + team.all().size() + " reps eligible";
    }

    /** "(3 marked unavailable, 1 out of office)": the exclusions counted by kind. */
    static String exclusions(List<Assessment> assessed) {
        Map<Exclusion.Kind, Long> byKind = assessed.stream().filter(a -> !a.eligible())
                .collect(Collectors.groupingBy(a -> a.exclusion().kind(),
                        () -> new TreeMap<>(Comparator.comparing(Exclusion.Kind::words)), Collectors.counting()));
        if (byKind.isEmpty()) {
            return "";
        }
        return " (" + byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", ")) + ")";
    }
}
