package io.leadrouter.lead;

/** What happened to a lead, one kind of moment of its life each ({@link LeadTimeline}). */
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
    /** Sales ops or a manager gave an assigned or escalated lead to a rep of their choice. */
    REASSIGNED_BY_HAND,
    /** Nobody responded in time and nobody is left: a manager got the lead. */
    ESCALATED,
    /** A rep (or manager) reported an outcome of working the lead. */
    OUTCOME_RECORDED,
    /** Closed without sales follow-up: disqualified or moved to marketing nurture. */
    CLOSED,
    /** Closed as a duplicate of its person's open lead. */
    MERGED
}
