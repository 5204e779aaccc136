package io.leadrouter.lead;

/** Where a lead stands. A lead that was acknowledged ends in one of the closed states or stays with an owner. */
public enum LeadStatus {
    /** Accepted by intake; being validated, scored and routed (or waiting for manual assignment). */
    RECEIVED,
    /** Waiting for sales ops to review soft data problems. */
    IN_REVIEW,
    /** Given to a rep; the Work lead task is open and the rep's response clock runs. */
    ASSIGNED,
    /**
     * No rep responded in time and nobody eligible is left (or the reassignments are used up):
     * the lead waits in Handle escalated lead for the team's manager ({@code escalatedTo}).
     */
    ESCALATED,
    /** The rep reached the lead; the sales conversation goes on outside Lead Router. */
    CONTACTED,
    CONVERTED,
    LOST,
    DISQUALIFIED,
    /** Not sales ready: handed to marketing nurture, no sales follow-up. */
    NURTURE,
    /** A duplicate of an open lead of the same person, merged into it ({@code mergedInto}). */
    MERGED
}
