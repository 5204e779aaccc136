package io.leadrouter.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

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

    /**
     * The scope as a condition to append to a where clause ({@code and (...)}, or nothing for
     * everything), on the rows' team and rep columns; its parameters go into {@code parameters}
     * as {@code scopeTeams} and {@code scopeRep}. Every statistics query filters by this, so that
     * the scope is read the same way everywhere.
     */
    public String asCondition(String teamColumn, String repColumn, MapSqlParameterSource parameters) {
        if (everything) {
            return "";
        }
        List<String> anyOf = new ArrayList<>();
        if (!teams.isEmpty()) {
            anyOf.add(teamColumn + " in (:scopeTeams)");
            parameters.addValue("scopeTeams", List.copyOf(teams));
        }
        if (rep != null) {
            anyOf.add(repColumn + " = :scopeRep");
            parameters.addValue("scopeRep", rep);
        }
        if (anyOf.isEmpty()) {
            return "and 1 = 0";
        }
        return "and (" + String.join(" or ", anyOf) + ")";
    }
}
