package io.leadrouter.lead;

/** What the rep reports on the Work lead task. */
public enum LeadOutcome {
    CONTACTED(LeadStatus.CONTACTED, false),
    CONVERTED(LeadStatus.CONVERTED, true),
    LOST(LeadStatus.LOST, true),
    DISQUALIFIED(LeadStatus.DISQUALIFIED, true);

    private final LeadStatus status;
    private final boolean closesLead;

    LeadOutcome(LeadStatus status, boolean closesLead) {
        this.status = status;
        this.closesLead = closesLead;
    }

    public LeadStatus status() {
        return status;
    }

    public boolean closesLead() {
        return closesLead;
    }
}
