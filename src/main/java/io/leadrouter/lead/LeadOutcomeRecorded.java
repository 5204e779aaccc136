package io.leadrouter.lead;

/** Published (in the recording transaction) when a rep records the outcome of a lead. */
public record LeadOutcomeRecorded(String leadId, String owner, String product, String industry, LeadOutcome outcome) {
}
