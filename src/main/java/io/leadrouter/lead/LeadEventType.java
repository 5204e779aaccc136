package io.leadrouter.lead;

/**
 * What happened to a lead, one kind of moment of its life each ({@link LeadTimeline}). Stored by
 * name ({@code lead_events.event_type}, 30 characters): rename none.
 */
public enum LeadEventType {
    /** Intake accepted the lead (read from the lead itself, never stored as an event). */
    RECEIVED,
    /** The review policy held the lead for sales ops (Review lead); the summary gives the reasons. */
    HELD_FOR_REVIEW,
    /**
     * The lead went on to routing with soft problems: the review policy routes them, noting each,
     * or a reviewer accepted the lead as it is; the summary gives the notes.
     */
    PROBLEMS_NOTED,
    /** Routing gave the lead to a rep. */
    ROUTED,
    /** Routing found no eligible rep: the lead waits for manual assignment, or, after a breach, is escalated. */
    NO_REP_FOUND,
    /** Sales ops gave the lead to a rep of their choice after routing found nobody. */
    ASSIGNED_BY_HAND,
    /** The rep was reminded that the response deadline is near. */
    REMINDED,
    /** The rep let the response deadline pass. */
    SLA_BREACHED,
    /** The lead was taken from a rep who missed the deadline and given to another by routing. */
    REASSIGNED_AFTER_BREACH,
    /** Sales ops or a manager gave an open lead (assigned, escalated or in follow-up) to a rep of their choice. */
    REASSIGNED_BY_HAND,
    /** Nobody responded in time and nobody is left: a manager got the lead. */
    ESCALATED,
    /**
     * The lead's outcome changed: its first (the response) or its final one, reported by a rep or
     * manager in Tasklist or by a CRM through the API (the actor says who recorded it).
     */
    OUTCOME_RECORDED,
    /** A follow-up date was set for the contacted lead ("Schedule follow-up"), moved or cleared in Tasklist. */
    FOLLOW_UP_SCHEDULED,
    /** The follow-up date came: its holder was reminded. */
    FOLLOW_UP_DUE,
    /** Followed up, still working: the lead stays contacted and gets its next follow-up date. */
    FOLLOWED_UP,
    /** The follow-up window ended without a final outcome: the lead closed as the model says. */
    FOLLOW_UP_EXPIRED,
    /** Closed without sales follow-up: disqualified or moved to marketing nurture. */
    CLOSED,
    /** Closed as a duplicate of its person's open lead. */
    MERGED,
    /**
     * Sales ops or a manager gave the lead by hand to a rep routing would have left out (marked
     * unavailable, out of office, at a cap), ticking the override; the summary says what was overridden.
     */
    AVAILABILITY_OVERRIDDEN,
    /** The lead waited in sales ops' queue (Review lead, Assign lead manually) past its deadline: the managers were told. */
    QUEUE_OVERDUE
}
