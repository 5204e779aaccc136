package io.leadrouter.routing;

import java.util.List;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;

/**
 * Round-robin within a team: the eligible rep who has waited longest since their last
 * round-robin lead gets the next one.
 *
 * <p>Fairness rule: each assignment takes the team's next turn number and stamps it on the
 * chosen rep; the next lead goes to the eligible rep with the lowest stamp (ties by user id).
 * While the same reps stay eligible, the shares of any run of leads differ by at most one. A
 * rep back from an absence has the oldest stamp and so gets the next lead, then rejoins the
 * rotation at the back: one lead, not a catch-up flood, and not zero. The turn counter and
 * stamps are routing's rotation rows ({@link TeamRotation}, {@link RepRotation}), written under
 * the team's row lock (see {@link CandidatePool}). A large team is assessed in turn order only
 * until the next eligible rep at work ({@link TeamCandidates.Paged}).
 */
@Component
class RoundRobinStrategy implements RoutingStrategy {

    static final String KEY = "round-robin";

    private final TeamCandidates candidates;

    RoundRobinStrategy(TeamCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        TeamCandidates.Assessed team = candidates.paged(request)
                .filter(paged -> paged.firstAtWork(TeamCandidates.IN_TURN).isPresent())
                .map(TeamCandidates.Paged::assessed)
                .orElseGet(() -> candidates.assess("Round-robin", request));
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Ranked> ranking = inTurn(team.eligible().stream().map(Assessment::rep).toList(), team.rotation());
        Rep next = ranking.get(0).rep();
        team.rotation().takeRoundRobinTurn(next);
        return new Choice(team.all(), ranking, "Round-robin in team " + team.team().getId() + ": " + next.getName()
                + " was next in turn (" + TeamCandidates.eligibleCount(team, "in turn") + ")");
    }

    /** The reps longest waiting first, each with its place in the rotation. */
    static List<Ranked> inTurn(List<Rep> reps, Rotation rotation) {
        return reps.stream().sorted(rotation.longestWaiting())
                .map(rep -> {
                    long ticket = rotation.of(rep).getRoundRobinTicket();
                    return new Ranked(rep, ticket == 0 ? "has not had a round-robin lead yet"
                            : "last round-robin lead at turn " + ticket);
                })
                .toList();
    }
}
