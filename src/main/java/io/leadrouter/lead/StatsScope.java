package io.leadrouter.lead;

import java.util.Set;

/**
 * The speed-to-lead figures one user reads ({@code /api/stats}), as {@link LeadAccess} decided:
 * everything, the assignments made in some teams (a manager's team figures), the assignments of
 * some reps (a manager's own reps), and a rep's own assignments. Statistics queries filter by it
 * in their where clause.
 *
 * @param everything every rep and team
 * @param teams      teams whose assignments the user reads (by the team the lead was assigned in)
 * @param rep        the rep whose own assignments the user reads, or null
 * @param reps       other reps whose assignments the user reads (a manager's own reps)
 */
public record StatsScope(boolean everything, Set<String> teams, String rep, Set<String> reps) {

    public StatsScope {
        teams = Set.copyOf(teams);
        reps = Set.copyOf(reps);
    }

    /** Everything, some teams, or one rep's own figures, and no other reps. */
    public StatsScope(boolean everything, Set<String> teams, String rep) {
        this(everything, teams, rep, Set.of());
    }

    static StatsScope ofEverything() {
        return new StatsScope(true, Set.of(), null);
    }

    /** Whether there is anything for the user to read at all. */
    public boolean isEmpty() {
        return !everything && teams.isEmpty() && rep == null && reps.isEmpty();
    }
}
