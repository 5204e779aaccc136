package io.leadrouter.notification;

/** What a notification tells, and the event name webhook receivers see. */
public enum NotificationKind {
    /** A rep got a lead (first routing, manual assignment or reassignment): to the rep. */
    ASSIGNED("lead.assigned"),
    /** The rep's deadline is near: to the rep. */
    REMINDER("lead.reminder"),
    /** The lead was taken from a rep who missed the deadline: to their manager and to that rep. */
    REASSIGNED("lead.reassigned"),
    /** Nobody responded in time: to the manager who now holds the lead. */
    ESCALATED("lead.escalated"),
    /** A contacted lead's follow-up date came: to whoever follows it up (its rep, or the manager holding it). */
    FOLLOW_UP_DUE("lead.follow-up-due");

    private final String event;

    NotificationKind(String event) {
        this.event = event;
    }

    public String event() {
        return event;
    }
}
