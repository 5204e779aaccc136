package io.leadrouter.lead;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lead stands. A lead that was acknowledged ends in one of the closed states or stays with an owner.
 *
 * <p>"Open" means different things to different questions, each defined once here and passed
 * into every query that asks it: a person's open lead ({@link #OPEN}), a rep's open workload
 * ({@link #AWAITING_REP}) and a lead a rep is working ({@link #WORKED_BY_REP}). The database's
 * open-lead trigger cannot call Java; {@code OpenLeadDefinitionTest} fails when its status list
 * and {@link #AWAITING_REP} differ.
 */
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
    /**
     * The rep (or the manager holding it) reached the lead: it stays theirs in follow-up (Follow up
     * lead) until its final outcome, or until the follow-up window closes it.
     */
    CONTACTED,
    CONVERTED,
    LOST,
    DISQUALIFIED,
    /**
     * Back to marketing nurture: not sales ready at qualification, or not ready to buy as its rep
     * found (an outcome), or left without an outcome for the whole follow-up window.
     */
    NURTURE,
    /** A duplicate of an open lead of the same person, merged into it ({@code mergedInto}). */
    MERGED,
    /**
     * A past lead imported from a CRM for scoring models to learn from ({@code POST /api/history/leads}):
     * closed with its known outcome (CONVERTED or LOST: not converted) as it is stored, never
     * routed, owned, timed or counted with the installation's own leads ({@link Lead#isHistory()}).
     */
    HISTORY;

    /**
     * A person's open lead: Lead Router or a rep still acts on it (received, in review, assigned,
     * escalated, contacted). One person has at most one open lead that passed the duplicate check;
     * later leads of the same e-mail address merge into it.
     */
    public static final Set<LeadStatus> OPEN = Collections.unmodifiableSet(
            EnumSet.of(RECEIVED, IN_REVIEW, ASSIGNED, ESCALATED, CONTACTED));

    /**
     * A rep's open workload: leads given to the rep that wait for the rep's first outcome. These
     * are what {@code rep_rotation.open_leads} counts (kept by a database trigger), what an
     * open-lead cap limits and what capacity routing balances.
     */
    public static final Set<LeadStatus> AWAITING_REP = Collections.unmodifiableSet(EnumSet.of(ASSIGNED));

    /**
     * A lead a rep owns and works: given to the rep, or contacted and in the sales conversation.
     * An open lead of a company's domain makes its rep that company's owner (account-owner routing).
     */
    public static final Set<LeadStatus> WORKED_BY_REP = Collections.unmodifiableSet(EnumSet.of(ASSIGNED, CONTACTED));

    /**
     * A lead sales ops or a manager may give to another rep by hand: with a rep (assigned, or
     * contacted and in follow-up) or with a manager (escalated). Received and in-review leads have
     * their own tasks (Review lead, Assign lead manually).
     */
    public static final Set<LeadStatus> REASSIGNABLE = Collections.unmodifiableSet(
            EnumSet.of(ASSIGNED, ESCALATED, CONTACTED));

    /** Whether a lead in this status is its person's open lead ({@link #OPEN}). */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Whether a lead in this status counts in its rep's open workload ({@link #AWAITING_REP}). */
    public boolean isAwaitingRep() {
        return AWAITING_REP.contains(this);
    }
}
