package io.leadrouter.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
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
 *     the statistics of their teams, and of their own reps ({@link Rep#getManagerId()}), not of the reps of
 *     another manager of the same team</td></tr>
 * <tr><td>a rep (member of a team's group)</td><td>their own leads; the team's leads without e-mail and
 *     phone if the team shares its leads ({@link Team#sharesLeads()}); their own row of the rep statistics
 *     and their own panel ({@link #mayReadRep})</td></tr>
 * <tr><td>anybody</td><td>the leads they own or submitted, with contact data</td></tr>
 * </table>
 *
 * Nobody else reads a lead ({@value Roles#INTAKE} reads what it posted, {@value Roles#OPS} and
 * {@value Roles#MONITORING} nothing; ops read counts of every team's routing, {@link #routingHealthOf}): a lead the caller may not read is answered exactly like a
 * missing one. An import's status (with its rejected rows' values) is for its submitter and admins.
 * Who records a lead's outcome through the API: {@link #mayRecordOutcome}; who reassigns it:
 * {@link #mayReassign} (sales ops, admins, and the manager of the rep who has it) and to whom:
 * {@link #mayGiveLeadTo} (a manager to their own reps).
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

    /** Reassign any lead ({@link #mayReassign}); managers reassign their own reps' leads. */
    static final Set<String> REASSIGN_ANY_LEAD = Set.of(Roles.CAMUNDA_ADMIN, Roles.SALES_OPS);

    /** The 403 detail of {@code /api/stats/reps} for those with no figures to read. */
    public static final String WHO_READS_REP_STATS = "Statistics per rep are for sales ops and admins (every rep), "
            + "managers (their own reps) and reps (their own).";

    /** The 403 detail of {@code /api/stats/teams} for those with no figures to read. */
    public static final String WHO_READS_TEAM_STATS = "Statistics per team are for sales ops and admins (every team) "
            + "and managers (their teams).";

    /** The 403 detail of {@code /api/stats/routing} for those with no figures to read. */
    public static final String WHO_READS_ROUTING_HEALTH = "Routing health is for ops, sales ops and admins (every "
            + "team) and managers (their teams).";

    /** Read routing health of every team: counts only, no lead ({@link #routingHealthOf}). */
    static final Set<String> EVERY_TEAMS_HEALTH = Set.of(Roles.CAMUNDA_ADMIN, Roles.SALES_OPS, Roles.OPS);

    private final TeamRepository teams;
    private final RepRepository reps;

    LeadAccess(TeamRepository teams, RepRepository reps) {
        this.teams = teams;
        this.reps = reps;
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

    /**
     * Whether the user may give the lead to another rep: sales ops, admins, and the manager of the
     * rep who has it ({@link Rep#getManagerId()}); not another manager of the same team, whose reps
     * are not theirs. A lead without a rep (escalated) is reassigned by the manager it was escalated
     * to, or, when it names none, by a manager of its team.
     */
    public boolean mayReassign(ApiUser user, Lead lead) {
        if (user.isMemberOfAny(REASSIGN_ANY_LEAD)) {
            return true;
        }
        String ownersManager = lead.getOwnerId() == null ? null
                : reps.findById(lead.getOwnerId()).map(Rep::getManagerId).orElse(null);
        return mayReassign(user, lead, ownersManager);
    }

    /** The rules of {@link #mayReassign(ApiUser, Lead)}, given the manager of the lead's owner (null: none). */
    static boolean mayReassign(ApiUser user, Lead lead, String ownersManager) {
        if (user.isMemberOfAny(REASSIGN_ANY_LEAD)) {
            return true;
        }
        if (!user.isMemberOfAny(List.of(Roles.MANAGERS))) {
            return false;
        }
        if (lead.getOwnerId() != null) {
            return user.id().equals(ownersManager);
        }
        if (lead.getEscalatedTo() != null) {
            return user.id().equals(lead.getEscalatedTo());
        }
        return lead.getStatus() == LeadStatus.ESCALATED && managesTeamOf(user, lead);
    }

    private static boolean managesTeamOf(ApiUser user, Lead lead) {
        return user.isMemberOfAny(List.of(Roles.MANAGERS)) && lead.getTeamId() != null
                && user.groups().contains(lead.getTeamId());
    }

    /**
     * Whether the user, who may reassign a lead ({@link #mayReassign}), may give it to that rep:
     * sales ops and admins to anyone, a manager to their own reps.
     */
    public boolean mayGiveLeadTo(ApiUser user, Rep rep) {
        return user.isMemberOfAny(REASSIGN_ANY_LEAD) || managesRep(user, rep);
    }

    /** Whether the user is the rep's manager ({@link Rep#getManagerId()}, and a member of {@value Roles#MANAGERS}). */
    public static boolean managesRep(ApiUser user, Rep rep) {
        return rep.isManagedBy(user);
    }

    /** Whether the user reads every rep's figures and board (sales ops, admins). */
    public static boolean readsEveryRep(ApiUser user) {
        return user.isMemberOfAny(EVERY_LEAD);
    }

    /** The figures of {@code /api/stats/reps} the user reads; empty when none (answer 403 {@link #WHO_READS_REP_STATS}). */
    public Optional<StatsScope> repStatsOf(ApiUser user) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        List<String> ownReps = user.isMemberOfAny(List.of(Roles.MANAGERS))
                ? reps.findByManagerIdOrderById(user.id()).stream().map(Rep::getId).toList() : List.of();
        return repStatsOf(user, teamsOf(user), ownReps);
    }

    /**
     * The rules of {@link #repStatsOf(ApiUser)}, given the teams whose groups the user is a member
     * of and the reps whose manager they are: a manager reads the rows of their own reps, not those
     * of another manager's reps in the same team, and their teams' rows that no rep holds.
     */
    static Optional<StatsScope> repStatsOf(ApiUser user, Collection<Team> teamsOfUser, Collection<String> ownReps) {
        if (user.isMemberOfAny(EVERY_LEAD)) {
            return Optional.of(StatsScope.ofEverything());
        }
        String ownRow = teamsOfUser.isEmpty() ? null : user.id();
        Set<String> managed = user.isMemberOfAny(List.of(Roles.MANAGERS)) ? Set.copyOf(ownReps) : Set.of();
        return nonEmpty(new StatsScope(false, Set.of(), ownRow, managed, managedTeams(user, teamsOfUser)));
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
     * The routing health the user reads ({@code /api/stats/routing}: leads routed per minute, open
     * incidents): ops, sales ops and admins every team's, a manager their teams'; empty when none
     * (answer 403 {@link #WHO_READS_ROUTING_HEALTH}). Ops read no lead, but these are counts of the
     * engine's work, which they watch in Cockpit anyway.
     */
    public Optional<StatsScope> routingHealthOf(ApiUser user) {
        if (user.isMemberOfAny(EVERY_TEAMS_HEALTH)) {
            return Optional.of(StatsScope.ofEverything());
        }
        return teamStatsOf(user, teamsOf(user));
    }

    /**
     * Whether the user reads a rep's own figures ({@code GET /api/reps/{id}/panel}: load against
     * caps, place in the rotation, response times, conversions; and their absences): the rep
     * themself, and those who read the rep's row of {@code /api/stats/reps} (the rep's manager,
     * sales ops and admins).
     */
    public static boolean mayReadRep(ApiUser user, Rep rep) {
        return user.id().equals(rep.getId()) || readsEveryRep(user) || managesRep(user, rep);
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
