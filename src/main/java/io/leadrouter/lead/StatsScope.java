package io.leadrouter.lead;

import java.util.Set;

/**
 * The speed-to-lead figures one user reads ({@code /api/stats}), as {@link LeadAccess} decided:
 * everything, the assignments made in some teams (a manager's), and a rep's own assignments.
 * Statistics queries filter by it in their where clause.
 *
 * @param everything every rep and team
 * @param teams      teams whose assignments the user reads (by the team the lead was assigned in)
 * @param rep        the rep whose own assignments the user reads, or null
 */
public record StatsScope(boolean everything, Set<String> teams, String rep) {

    public StatsScope {
        teams = Set.copyOf(teams);
    }

    static StatsScope ofEverything() {
        return new StatsScope(true, Set.of(), null);
    }

    /** Whether there is anything for the user to read at all. */
    public boolean isEmpty() {
        return !everything && teams.isEmpty() && rep == null;
    }
}
