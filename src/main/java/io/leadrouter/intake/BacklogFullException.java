package io.leadrouter.intake;

import java.time.Duration;

/**
 * Intake refuses a lead because the routing backlog is at its limit: the caller should send it
 * again after {@link #retryAfter()}. Nothing was stored.
 */
public class BacklogFullException extends RuntimeException {

    private final transient Duration retryAfter;

    BacklogFullException(long backlog, int maxBacklog, Duration retryAfter) {
        super("Lead Router is routing " + backlog + " leads (limit " + maxBacklog
                + "); send the lead again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
