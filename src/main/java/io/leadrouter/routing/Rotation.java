package io.leadrouter.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import io.leadrouter.team.Rep;

/**
 * A team's rotation state as one decision reads it: the team's counter and clocks, and the rows
 * of the reps read so far. Written under the team's row lock ({@link CandidatePool}), and rolled
 * back with the routing transaction.
 */
final class Rotation {

    private final TeamRotation team;
    private final Map<String, RepRotation> reps = new HashMap<>();

    Rotation(TeamRotation team) {
        this.team = team;
    }

    /** Remembers the row of a rep read for this decision. */
    void read(RepRotation rep) {
        reps.putIfAbsent(rep.getRepId(), rep);
    }

    TeamRotation team() {
        return team;
    }

    /** The rotation row of a rep read for this decision. */
    RepRotation of(Rep rep) {
        RepRotation row = reps.get(rep.getId());
        if (row == null) {
            throw new IllegalStateException("Rep " + rep.getId() + " was not read with team " + rep.getTeamId());
        }
        return row;
    }

    /** Longest waiting first ({@link RepRotation#LONGEST_WAITING}). */
    Comparator<Rep> longestWaiting() {
        return Comparator.comparing(this::of, RepRotation.LONGEST_WAITING);
    }

    /** The rep takes the team's next round-robin turn: it goes to the back of the queue. */
    void takeRoundRobinTurn(Rep rep) {
        of(rep).takeRoundRobinTurn(team.nextRoundRobinTurn());
    }
}
