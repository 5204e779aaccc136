package io.leadrouter.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/** The reps of a team, locked and assessed, for the strategies that choose within a team. */
@Component
class TeamCandidates {

    private final TeamRepository teams;
    private final RepRepository reps;
    private final CandidatePool pool;

    TeamCandidates(TeamRepository teams, RepRepository reps, CandidatePool pool) {
        this.teams = teams;
        this.reps = reps;
        this.pool = pool;
    }

    /** A locked team with its assessed reps; {@code nobody} says why there is no candidate at all. */
    record Assessed(Team team, List<Assessment> all, List<Assessment> eligible, String nobody) {
    }

    Assessed assess(String strategyName, RoutingStrategy.Request request) {
        if (request.team() == null) {
            return new Assessed(null, List.of(), List.of(), strategyName + " needs a team, and the routing rule named none");
        }
        Team team = teams.findByIdForUpdate(request.team()).orElse(null);
        if (team == null) {
            return new Assessed(null, List.of(), List.of(), "Team '" + request.team() + "' does not exist");
        }
        List<Assessment> all = pool.assessLocked(reps.findByTeamIdOrderById(team.getId()), request.hadLeadBefore());
        List<Assessment> eligible = all.stream().filter(Assessment::eligible).toList();
        String nobody = eligible.isEmpty()
                ? strategyName + " in team " + team.getId() + ": none of its " + all.size() + " reps is eligible"
                        + exclusions(all)
                : null;
        return new Assessed(team, all, eligible, nobody);
    }

    /**
     * Round-robin order in a large team: reps are assessed a page at a time in turn order
     * (indexed), until the first eligible rep within working hours is found, so the cost of a
     * decision does not grow with the team. Teams of up to {@value #PAGE} reps are assessed
     * whole ({@link #assess}), as are teams where nobody eligible is found in turn order (at
     * night, nobody is within working hours: the first eligible rep in turn gets the lead).
     *
     * @return the locked team, the assessed reps, the eligible ones in turn order, and the team size
     */
    InTurn assessInTurn(String strategyName, RoutingStrategy.Request request) {
        if (request.team() == null) {
            return new InTurn(assess(strategyName, request), 0);
        }
        long size = reps.countByTeamId(request.team());
        if (size <= PAGE) {
            return new InTurn(assess(strategyName, request), size);
        }
        Team team = teams.findByIdForUpdate(request.team()).orElse(null);
        if (team == null) {
            return new InTurn(assess(strategyName, request), size);
        }
        List<Assessment> assessed = new ArrayList<>();
        for (int page = 0; (long) page * PAGE < size; page++) {
            List<Rep> inTurn = reps.findInTurn(team.getId(), PageRequest.of(page, PAGE));
            if (inTurn.isEmpty()) {
                break;
            }
            assessed.addAll(pool.assessEach(inTurn, request.hadLeadBefore()));
            if (assessed.stream().anyMatch(a -> a.eligible() && a.inWorkingHours())) {
                List<Assessment> all = CandidatePool.preferWorking(assessed);
                return new InTurn(new Assessed(team, all, all.stream().filter(Assessment::eligible).toList(), null),
                        size);
            }
        }
        // nobody eligible within working hours among the active, available reps: assess them all
        return new InTurn(assess(strategyName, request), size);
    }

    /** Reps assessed by {@link #assessInTurn}, of a team of {@code teamSize} reps. */
    record InTurn(Assessed assessed, long teamSize) {

        /** True when only the first reps in turn were assessed. */
        boolean partial() {
            return assessed.all().size() < teamSize;
        }
    }

    /** Teams up to this size are assessed whole; larger ones a page at a time in turn order. */
    static final int PAGE = 20;

    /** "(3 marked unavailable, 1 out of office)": the exclusions counted by kind. */
    static String exclusions(List<Assessment> assessed) {
        Map<String, Long> byKind = assessed.stream().filter(a -> !a.eligible())
                .collect(Collectors.groupingBy(a -> kind(a.exclusion()), TreeMap::new, Collectors.counting()));
        if (byKind.isEmpty()) {
            return "";
        }
        return " (" + byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String kind(String exclusion) {
        int detail = exclusion.indexOf(" (");
        String kind = detail > 0 ? exclusion.substring(0, detail) : exclusion;
        int until = kind.indexOf(" until ");
        return until > 0 ? kind.substring(0, until) : kind;
    }
}
