package io.leadrouter.lead;

/**
 * How promising a lead is, from its conversion probability when a published model scored it, else
 * from its score: the words of decision {@code leadTier} in
 * {@code processes/lead-scoring.dmn}. Stored, shown and handed to the process by {@link #name()}.
 */
public enum LeadTier {
    HOT,
    WARM,
    COLD
}
