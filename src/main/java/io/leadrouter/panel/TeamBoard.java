package io.leadrouter.panel;

import java.time.Instant;
import java.util.List;

/**
 * A manager's team board in Tasklist, as {@code GET /api/me/team-board} and
 * {@code GET /api/teams/{id}/board} answer it: per rep, whether they take leads (and if not, why
 * and until when), their open leads against their caps, this month's response SLA and
 * conversions, and their open leads one by one, the overdue ones marked.
 *
 * @param title what the board shows ("Your reps", "Team East")
 * @param now   the instant the figures were read
 * @param reps  one row per rep, by name
 */
public record TeamBoard(String title, Instant now, List<Row> reps) {

    /**
     * One rep's row.
     *
     * @param rep        the rep
     * @param away       why the rep takes no leads now, and until when; null while they take leads
     * @param absences   current and planned absences
     * @param load       open leads (waiting for the rep's first outcome), given today and this week, against the caps
     * @param overdue    leads whose Work lead is past its due date (the response deadline)
     * @param inFollowUp contacted leads the rep follows up
     * @param thisMonth  this month in the rep's time zone: response SLA met rate and conversions
     * @param leads      the rep's open leads (assigned or in follow-up), the most urgent first
     */
    public record Row(RepPanel.Person rep, RepPanel.Away away, List<RepPanel.Absence> absences, RepPanel.Load load,
                      long overdue, long inFollowUp, RepPanel.Month thisMonth, List<OpenLead> leads) {
    }

    /**
     * An open lead of a rep: assigned (due by {@code dueAt}, the response deadline; {@code overdue}
     * past it) or contacted (followed up on {@code followUpAt}).
     */
    public record OpenLead(String id, String name, String company, String tier, String status, Instant dueAt,
                           boolean overdue, Instant followUpAt) {
    }

    /**
     * The answer of {@code GET /api/me/team-board}: the signed-in user; whether they manage reps
     * (then {@code board} shows exactly their own reps); whether they may reassign leads (managers,
     * sales ops, admins); and the teams whose boards they may open (sales ops and admins: every team).
     */
    public record Mine(String user, boolean manager, boolean reassigns, List<TeamRef> teams, TeamBoard board) {
    }

    /** A team whose board the user may open. */
    public record TeamRef(String id, String name) {
    }
}
