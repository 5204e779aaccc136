package io.leadrouter.security;

import java.util.Set;

/**
 * Lead Router's Camunda groups and what each may do. Team groups ({@code central}, {@code east},
 * {@code west}, …) are the ids of the teams; their members are the reps.
 *
 * <table>
 * <tr><th>group</th><th>may</th></tr>
 * <tr><td>a team</td><td>Tasklist: their own leads, and the team's (without their data) if it shares
 * (see {@code webapps/OwnedTaskAuthorizations}); {@code /api}: see {@code lead/LeadAccess}</td></tr>
 * <tr><td>{@value #MANAGERS}</td><td>read their teams' lead tasks; reassign their own reps' leads (to their
 * own reps); read the board of their own reps and change their availability, absences and routing settings
 * (a rep's manager is {@code team/Rep.managerId}); Cockpit's ops dashboard for their teams, without Cockpit's
 * instances or admin powers</td></tr>
 * <tr><td>{@value #SALES_OPS}</td><td>Tasklist: review and manual assignment, read every lead's task;
 * reassign any lead ({@code POST /api/leads/{id}/reassign}); change any rep; Cockpit's ops dashboard of every
 * team</td></tr>
 * <tr><td>{@value #OPS}</td><td>Cockpit (running leads, incidents, retries; the ops dashboard's routing health); Actuator</td></tr>
 * <tr><td>{@value #MONITORING}</td><td>Actuator only (a Prometheus scraper's account)</td></tr>
 * <tr><td>{@value #INTAKE}</td><td>the API only (the account lead sources post with)</td></tr>
 * <tr><td>{@value #CAMUNDA_ADMIN}</td><td>everything, including the Admin app</td></tr>
 * </table>
 */
public final class Roles {

    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String SALES_OPS = "sales-ops";
    public static final String MANAGERS = "managers";
    public static final String OPS = "ops";
    public static final String MONITORING = "monitoring";
    public static final String INTAKE = "intake";

    /**
     * Start-up order of the runner that creates these groups in Camunda ({@code webapps/EngineAuthorizations});
     * a runner that adds members to them runs after it.
     */
    public static final int GROUPS_CREATED_ORDER = 1000;

    /**
     * May change any rep's availability, absences and routing settings through {@code /api/reps};
     * a manager changes their own reps only ({@code team/Rep#isManagedBy}).
     */
    public static final Set<String> REP_ADMINS = Set.of(SALES_OPS, CAMUNDA_ADMIN);

    /** May change a team's settings through {@code /api/teams} (whether it shares its leads). */
    public static final Set<String> TEAM_ADMINS = Set.of(SALES_OPS, CAMUNDA_ADMIN);

    /** Sales users besides the reps (members of a team's group): may list the teams. */
    public static final Set<String> SALES_STAFF = Set.of(SALES_OPS, MANAGERS, CAMUNDA_ADMIN);

    /** May read known accounts and set the domains that name them through {@code /api/accounts}. */
    public static final Set<String> ACCOUNT_ADMINS = Set.of(SALES_OPS, CAMUNDA_ADMIN);

    /** May read Actuator endpoints other than health (metrics, Prometheus). */
    static final Set<String> ACTUATOR_READERS = Set.of(CAMUNDA_ADMIN, OPS, MONITORING);

    private Roles() {
    }
}
