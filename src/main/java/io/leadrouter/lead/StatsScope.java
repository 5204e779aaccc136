package io.leadrouter.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The speed-to-lead figures one user reads ({@code /api/stats}), as {@link LeadAccess} decided:
 * everything, the assignments made in some teams (a manager's team figures), the assignments of
 * some reps (a manager's own reps, with their teams' rows that no rep holds), and a rep's own
 * assignments. Statistics queries filter by it in their where clause.
 *
 * @param everything   every rep and team
 * @param teams        teams whose assignments the user reads (by the team the lead was assigned in)
 * @param rep          the rep whose own assignments the user reads, or null
 * @param reps         other reps whose rows the user reads (a manager's own reps)
 * @param withoutRep   teams whose rows without a rep the user reads (a manager's teams: leads escalated
 *                     to managers or waiting for one)
 */
public record StatsScope(boolean everything, Set<String> teams, String rep, Set<String> reps,
                         Set<String> withoutRep) {

    public StatsScope {
        teams = Set.copyOf(teams);
        reps = Set.copyOf(reps);
        withoutRep = Set.copyOf(withoutRep);
    }

    /** Everything, some teams, or one rep's own figures, and no other reps. */
    public StatsScope(boolean everything, Set<String> teams, String rep) {
        this(everything, teams, rep, Set.of(), Set.of());
    }

    static StatsScope ofEverything() {
        return new StatsScope(true, Set.of(), null);
    }

    /** Whether there is anything for the user to read at all. */
    public boolean isEmpty() {
        return !everything && teams.isEmpty() && rep == null && reps.isEmpty() && withoutRep.isEmpty();
    }

    /**
     * The scope as a condition to append to a where clause ({@code and (...)}, or nothing for
     * everything), on the rows' team and rep columns; its parameters go into {@code parameters}
     * as {@code scopeTeams}, {@code scopeRep}, {@code scopeReps} and {@code scopeTeamsWithoutRep}.
     * Every statistics query filters by this, so that the scope is read the same way everywhere.
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
        if (!reps.isEmpty()) {
            anyOf.add(repColumn + " in (:scopeReps)");
            parameters.addValue("scopeReps", List.copyOf(reps));
        }
        if (!withoutRep.isEmpty()) {
            anyOf.add("(" + repColumn + " is null and " + teamColumn + " in (:scopeTeamsWithoutRep))");
            parameters.addValue("scopeTeamsWithoutRep", List.copyOf(withoutRep));
        }
        if (anyOf.isEmpty()) {
            return "and 1 = 0";
        }
        return "and (" + String.join(" or ", anyOf) + ")";
    }
}
