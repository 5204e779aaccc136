package io.leadrouter.lead;

import java.util.Arrays;
import java.util.List;

/**
 * What the person working a lead reports on Work lead, Follow up lead or Handle escalated lead (or
 * a CRM through {@code POST /api/leads/{id}/outcome}). Every outcome but {@link #CONTACTED} is
 * final: it closes the lead, and a closed lead's outcome never changes. A contacted lead stays
 * open with its rep, in follow-up, until a final outcome (or the follow-up window closes it).
 */
public enum LeadOutcome {
    /** Reached, the conversation goes on: the lead is followed up (again). */
    CONTACTED(LeadStatus.CONTACTED, false),
    /** Won: with the deal value. */
    CONVERTED(LeadStatus.CONVERTED, true),
    /** Lost: with a reason from the modelers' list ({@code lost-reasons.dmn}). */
    LOST(LeadStatus.LOST, true),
    /** Not a lead for sales after all (not the rep's doing: no loss in their conversion rate). */
    DISQUALIFIED(LeadStatus.DISQUALIFIED, true),
    /** Not ready to buy: back to marketing nurture (no loss in the rep's conversion rate either). */
    NURTURE(LeadStatus.NURTURE, true);

    private final LeadStatus status;
    private final boolean closesLead;

    LeadOutcome(LeadStatus status, boolean closesLead) {
        this.status = status;
        this.closesLead = closesLead;
    }

    public LeadStatus status() {
        return status;
    }

    /** A final outcome: the lead is closed with it. */
    public boolean closesLead() {
        return closesLead;
    }

    /** The outcomes' names, for messages that list what is allowed. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
