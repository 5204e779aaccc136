package io.leadrouter.lead;

/**
 * Whether a scored lead goes to sales: the words of decision {@code leadQualification} in
 * {@code processes/lead-qualification.dmn}. The process's gateways compare the variable
 * {@code qualification}, which carries the {@link #name()}.
 */
public enum LeadQualification {
    /** Routed to a rep now. */
    SALES_READY,
    /** Closed as nurture: marketing keeps warming it. */
    NURTURE,
    /** Closed as disqualified. */
    DISQUALIFIED
}
