package io.leadrouter.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings ({@code leadrouter.intake.*}).
 *
 * @param maxBacklog      past this many unrouted leads (accepted, not yet validated, scored
 *                        and routed) intake answers 429 instead of accepting leads it cannot
 *                        route within seconds. Sized from BENCHMARKS.md: a few seconds of the
 *                        sustainable routing rate on this hardware
 * @param backlogRefresh  how old the cached backlog count may get before one request refreshes
 *                        it (a count query at most this often, never one per request)
 * @param retryAfter      the {@code Retry-After} a 429 answer gives
 */
@ConfigurationProperties("leadrouter.intake")
public record IntakeProperties(
        @DefaultValue("250") int maxBacklog,
        @DefaultValue("250ms") Duration backlogRefresh,
        @DefaultValue("2s") Duration retryAfter) {

    public IntakeProperties {
        if (maxBacklog < 1 || backlogRefresh.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("leadrouter.intake: max-backlog >= 1, backlog-refresh >= 0, "
                    + "retry-after >= 1s");
        }
    }
}
