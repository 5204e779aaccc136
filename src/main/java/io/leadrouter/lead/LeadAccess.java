package io.leadrouter.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Who sees, works and reassigns which lead through {@code /api}, and who reads which statistics
 * and imports: the one place these rules live. Every controller asks here; lists are filtered by
 * the {@link LeadScope} and {@link StatsScope} made here, in their queries. Rules (a user in
 * several groups gets the union):
 *
 * <table>
 * <tr><th>who</th><th>reads</th></tr>
 * <tr><td>{@value Roles#CAMUNDA_ADMIN}, {@value Roles#SALES_OPS}</td><td>every lead with contact data;
 *     all statistics</td></tr>
 * <tr><td>{@value Roles#MANAGERS}</td><td>the leads of their teams (their team groups) with contact data;
 *     the statistics of their teams and their teams' reps</td></tr>
 * <tr><td>a rep (member of a team's group)</td><td>their own leads; the team's leads without e-mail and
 *     phone if the team shares its leads ({@link Team#sharesLeads()}); their own row of the rep statistics
 *     and their own panel ({@link #mayReadRep})</td></tr>
 * <tr><td>anybody</td><td>the leads they own or submitted, with contact data</td></tr>
 * </table>
 *
 * Nobody else reads a lead ({@value Roles#INTAKE} reads what it posted, {@value Roles#OPS} and
 * {@value Roles#MONITORING} nothing): a lead the caller may not read is answered exactly like a
 * missing one. An import's status (with its rejected rows' values) is for its submitter and admins.
 * Who records a lead's outcome through the API: {@link #mayRecordOutcome}.
 *
 * <p>The rules are plain Java over the user's groups and the teams among them
 * ({@link #scopeOf(ApiUser, Collection)}); the bean only looks those teams up, one query by
 * primary key, and not at all for sales ops and admins.
 */
@Component
public class LeadAccess {

    /** Read every lead, with contact data, and every statistic. */
    static final Set<String> EVERY_LEAD = Set.of(Roles.CAMUNDA_ADMIN, Roles.SALES_OPS);

    /** Record any lead's outcome ({@link #mayRecordOutcome}); managers their teams' leads. */
    static final Set<String> RECORD_ANY_OUTCOME = Set.of(Roles.CAMUNDA_ADMIN, Roles.SALES_OPS);

    /** Reassign any lead ({@link #mayReassign}); managers reassign their teams' leads. */
    static final Set<String> REASSIGN_ANY_LEAD = Set.of(Roles.CAMUNDA_ADMIN, Roles.SALES_OPS);

    /** The 403 detail of {@code /api/stats/reps} for those with no figures to read. */
    public static final String WHO_READS_REP_STATS = "Statistics per rep are for sales ops and admins (every rep), "
            + "managers (the reps of their teams) and reps (their own).";

    /** The 403 detail of {@code /api/stats/teams} for those with no figures to read. */
    public static final String WHO_READS_TEAM_STATS = "Statistics per team are for sales ops and admins (every team) "
            + "and managers (their teams).";

    private final TeamRepository teams;

    LeadAccess(TeamRepository teams) {
        this.teams = teams;
    }

    /** The leads the user reads: filter lists with {@link LeadScope#asQuery()}, check one lead with it. */
    public LeadScope scopeOf(ApiUser user) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return LeadScope.ofEveryLead(user.id());
        }
        return scopeOf(user, teamsOf(user));
    }

    /** The rules of {@link #scopeOf(ApiUser)}, given the teams whose groups the user is a member of. */
    static LeadScope scopeOf(ApiUser user, Collection<Team> teamsOfUser) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return LeadScope.ofEveryLead(user.id());
        }
        Set<String> managed = managedTeams(user, teamsOfUser);
        Set<String> shared = teamsOfUser.stream()
                .filter(Team::sharesLeads)
                .map(Team::getId)
                .filter(team -> !managed.contains(team))
                .collect(Collectors.toSet());
        return new LeadScope(user.id(), false, managed, shared);
    }

    public boolean maySee(ApiUser user, Lead lead) {
        return scopeOf(user).includes(lead);
    }

    /**
     * Whether the user may work the lead (record its outcome): its owner only. Tasklist and
     * {@code /engine-rest} hold the same rule with Camunda authorizations on the Work lead task.
     */
    public boolean mayWork(ApiUser user, Lead lead) {
        return user.id().equals(lead.getOwnerId());
    }

    /**
     * Whether the user may record the lead's outcome ({@code POST /api/leads/{id}/outcome}): its
     * owner (or the manager holding it after an escalation), the managers of its team, sales ops,
     * admins, and whoever submitted it (a CRM integration posts leads and then their outcomes). A
     * user who reads the lead but may not record its outcome is refused (403); one who may not read
     * it does not learn that it exists (404). In Tasklist the lead's task is its holder's
     * ({@code webapps/OwnedTaskAuthorizations}); this is the API's wider circle, for teams that
     * work their leads in a CRM.
     */
    public boolean mayRecordOutcome(ApiUser user, Lead lead) {
        return user.id().equals(lead.holder()) || user.id().equals(lead.getSubmittedBy())
                || user.isMemberOfAny(RECORD_ANY_OUTCOME) || managesTeamOf(user, lead);
    }

    /** Whether the user may give the lead to another rep: sales ops, admins, and the managers of its team. */
    public boolean mayReassign(ApiUser user, Lead lead) {
        return user.isMemberOfAny(REASSIGN_ANY_LEAD) || managesTeamOf(user, lead);
    }

    private static boolean managesTeamOf(ApiUser user, Lead lead) {
        return user.isMemberOfAny(List.of(Roles.MANAGERS)) && lead.getTeamId() != null
                && user.groups().contains(lead.getTeamId());
    }

    /**
     * Whether the user, who may reassign a lead ({@link #mayReassign}), may give it to a rep of
     * that team: sales ops and admins to anyone, a manager to the reps of their own teams.
     */
    public boolean mayGiveLeadTo(ApiUser user, String repTeamId) {
        return user.isMemberOfAny(REASSIGN_ANY_LEAD) || user.groups().contains(repTeamId);
    }

    /** The figures of {@code /api/stats/reps} the user reads; empty when none (answer 403 {@link #WHO_READS_REP_STATS}). */
    public Optional<StatsScope> repStatsOf(ApiUser user) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        return repStatsOf(user, teamsOf(user));
    }

    static Optional<StatsScope> repStatsOf(ApiUser user, Collection<Team> teamsOfUser) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        String ownRow = teamsOfUser.isEmpty() ? null : user.id();
        return nonEmpty(new StatsScope(false, managedTeams(user, teamsOfUser), ownRow));
    }

    /** The figures of {@code /api/stats/teams} the user reads; empty when none (answer 403 {@link #WHO_READS_TEAM_STATS}). */
    public Optional<StatsScope> teamStatsOf(ApiUser user) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        return teamStatsOf(user, teamsOf(user));
    }

    static Optional<StatsScope> teamStatsOf(ApiUser user, Collection<Team> teamsOfUser) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        return nonEmpty(new StatsScope(false, managedTeams(user, teamsOfUser), null));
    }

    /**
     * Whether the user reads a rep's own figures ({@code GET /api/reps/{id}/panel}: load against
     * caps, place in the rotation, response times, conversions): the rep themself, and those who
     * read the rep's row of {@code /api/stats/reps} (the managers of the rep's team, sales ops and
     * admins).
     */
    public boolean mayReadRep(ApiUser user, String repId, String repTeamId) {
        return user.id().equals(repId) || repStatsOf(user).map(scope -> scope.everything()
                || scope.teams().contains(repTeamId) || repId.equals(scope.rep())).orElse(false);
    }

    /** Whether the user may read a bulk import's status and rejected rows: its submitter and admins. */
    public boolean mayReadImport(ApiUser user, String submittedBy) {
        return user.id().equals(submittedBy) || user.isMemberOfAny(List.of(Roles.CAMUNDA_ADMIN));
    }

    private List<Team> teamsOf(ApiUser user) {
        return user.groups().isEmpty() ? List.of() : teams.findAllById(user.groups());
    }

    /** A manager manages the teams whose groups they are a member of. */
    private static Set<String> managedTeams(ApiUser user, Collection<Team> teamsOfUser) {
        if (!user.isMemberOfAny(List.of(Roles.MANAGERS))) {
            return Set.of();
        }
        return teamsOfUser.stream().map(Team::getId).collect(Collectors.toSet());
    }

    private static Optional<StatsScope> nonEmpty(StatsScope scope) {
        return scope.isEmpty() ? Optional.empty() : Optional.of(scope);
    }
}
