package io.leadrouter.routing;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Round-robin within a team: the eligible rep who has waited longest since their last
 * round-robin lead gets the next one.
 *
 * <p>Fairness rule: each assignment takes the team's next turn number and stamps it on the
 * chosen rep; the next lead goes to the eligible rep with the lowest stamp (ties by user id).
 * While the same reps stay available, the shares of any run of leads differ by at most one. A
 * rep back from an absence has the oldest stamp and so gets the next lead, then rejoins the
 * rotation at the back: one lead, not a catch-up flood. The turn counter and stamps live in the
 * database and the team row is locked for the routing transaction, so concurrent routings in
 * one team (threads, job executors, several nodes) take turns one at a time.
 */
@Component
class RoundRobinStrategy implements RoutingStrategy {

    static final String KEY = "round-robin";

    private final TeamRepository teams;
    private final RepRepository reps;

    RoundRobinStrategy(TeamRepository teams, RepRepository reps) {
        this.teams = teams;
        this.reps = reps;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        if (request.team() == null) {
            return Choice.nobody("Round-robin needs a team, and the routing rule named none");
        }
        Team team = teams.findByIdForUpdate(request.team()).orElse(null);
        if (team == null) {
            return Choice.nobody("Team '" + request.team() + "' does not exist");
        }
        List<Rep> members = reps.findByTeamIdOrderById(team.getId());
        List<Rep> eligible = members.stream().filter(Rep::isEligible).toList();
        Rep next = eligible.stream()
                .min(Comparator.comparingLong(Rep::getRoundRobinTicket).thenComparing(Rep::getId))
                .orElse(null);
        if (next == null) {
            return Choice.nobody("Round-robin in team " + team.getId() + ": none of its " + members.size()
                    + " reps is available");
        }
        next.takeRoundRobinTurn(team.nextRoundRobinTurn());
        return Choice.of(next, "Round-robin in team " + team.getId() + ": " + next.getName()
                + " was next in turn (" + eligible.size() + " of " + members.size() + " reps available)");
    }
}
