package io.leadrouter.notification;

/** What a notification tells, and the event name webhook receivers see. */
public enum NotificationKind {
    /**
     * A rep got a lead (first routing, manual assignment or reassignment), or a contacted lead's
     * follow-up was handed to them: to the rep.
     */
    ASSIGNED("lead.assigned", true),
    /** The rep's deadline is near: to the rep. */
    REMINDER("lead.reminder", true),
    /** The lead was taken from a rep who missed the deadline: to their manager and to that rep. */
    REASSIGNED("lead.reassigned", false),
    /** Nobody responded in time: to the manager who now holds the lead. */
    ESCALATED("lead.escalated", false),
    /** A contacted lead's follow-up date came: to whoever follows it up (its rep, or the manager holding it). */
    FOLLOW_UP_DUE("lead.follow-up-due", true),
    /** A lead waits in sales ops' queue (review, manual assignment) past the reminder: to sales ops. */
    QUEUE_REMINDER("lead.queue-reminder", false),
    /**
     * A lead waits in sales ops' queue past its deadline: to the managers of the lead's team (every
     * manager when it has none yet) and to sales ops.
     */
    QUEUE_OVERDUE("lead.queue-overdue", false);

    private final String event;
    private final boolean linksToOwnersTask;

    NotificationKind(String event, boolean linksToOwnersTask) {
        this.event = event;
        this.linksToOwnersTask = linksToOwnersTask;
    }

    public String event() {
        return event;
    }

    /**
     * Whether the notification carries the Tasklist address of the lead's open task of its holder
     * (its owner, or the manager holding it; e-mail text and webhook {@code taskUrl}): for
     * notifications that ask them to act.
     */
    public boolean linksToOwnersTask() {
        return linksToOwnersTask;
    }
}
