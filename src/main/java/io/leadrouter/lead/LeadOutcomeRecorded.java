package io.leadrouter.lead;

/**
 * Published (in the recording transaction) when a lead's outcome changes: its first outcome
 * ({@code firstOutcome}: the rep's response, whatever it is) and its final one. A follow-up that
 * leaves the lead contacted publishes nothing, and neither does a repeated outcome, so every
 * listener sees each lead's response once and its final outcome once.
 *
 * @param owner the rep who owns the lead (null for a lead a manager holds after an escalation)
 */
public record LeadOutcomeRecorded(String leadId, String owner, String product, String industry, LeadOutcome outcome,
                                  boolean firstOutcome) {
}
