package io.leadrouter.panel;

import java.time.Instant;
import java.util.List;

/**
 * What the "Reassign" tab in Tasklist and the team board offer for one lead
 * ({@code GET /api/leads/{id}/reassign-options}): the lead, whether the user may reassign it (and
 * why not), and the reps they may give it to, each with whether they take leads now and their
 * load against their caps.
 *
 * @param lead        the lead as it stands
 * @param mayReassign whether the user may give it to another rep now
 * @param why         why not, in words (null when they may)
 * @param reps        the reps the user may give it to (empty when they may not), those who take leads first
 */
public record ReassignOptions(Subject lead, boolean mayReassign, String why, List<Choice> reps) {

    /** The lead: who has it, and its deadline (assigned) or follow-up date (contacted). */
    public record Subject(String id, String name, String company, String tier, String status, String owner,
                          String ownerName, String team, Instant dueAt, Instant followUpAt) {
    }

    /**
     * A rep the lead may go to: {@code away} says why they take no leads now (null: they do),
     * {@code current} that they have the lead already.
     */
    public record Choice(RepPanel.Person rep, RepPanel.Away away, RepPanel.Load load, boolean current) {
    }
}
