package io.leadrouter.routing;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

import io.leadrouter.storage.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Routing's meters, as Prometheus shows them ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code leadrouter_leads_routed_total{team, strategy}}: leads given to their first rep, by the
 * strategy that chose the rep ({@code round-robin}, …, {@code manual} when sales ops assigned it by
 * hand after routing found nobody);</li>
 * <li>{@code leadrouter_time_to_assign_seconds{team}}: a histogram of the time from receipt to the
 * first rep (routing, and any review and manual assignment before it), in buckets from 100 ms to a
 * day ({@link #TIME_TO_ASSIGN_BUCKETS});</li>
 * <li>{@code leadrouter_leads_reassigned_total{team, reason}}: a lead taken from its rep and given to
 * another, {@code sla-breach} by routing or {@code by-hand} by sales ops or a manager;</li>
 * <li>{@code leadrouter_routing_nobody_eligible_total{team}}: routing found nobody, the lead waits
 * for manual assignment.</li>
 * </ul>
 * Each counts once its transaction commits ({@link AfterCommit}): a routing the engine rolls back and
 * retries counts once. Every node counts what it routed; Prometheus sums the nodes. The tags are
 * bounded: team ids and strategy keys, never lead or rep ids (a rep's figures are in
 * {@code /api/stats}, where each caller sees only the reps they may see). The meters of a tag set
 * are looked up once and kept: routing pays an increment and a small after-commit callback.
 */
@Component
class RoutingMeters {

    static final String ROUTED = "leadrouter.leads.routed";
    static final String TIME_TO_ASSIGN = "leadrouter.time.to.assign";
    static final String REASSIGNED = "leadrouter.leads.reassigned";
    static final String NOBODY_ELIGIBLE = "leadrouter.routing.nobody.eligible";

    /** Histogram buckets of the time to assign: routing takes well under a second, manual assignment minutes to hours. */
    static final Duration[] TIME_TO_ASSIGN_BUCKETS = {
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1)};

    /** The tag value of a lead without a team, or a decision without a strategy. */
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, ConcurrentMap<String, Counter>> routed = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timeToAssign = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, Counter>> reassigned = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> nobodyEligible = new ConcurrentHashMap<>();

    RoutingMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The lead went to its first rep (or to a rep again without a reassignment).
     *
     * @param timeToAssign receipt to the first rep; null when the lead had a rep before
     */
    void routed(String team, String strategy, Duration timeToAssign) {
        Counter counter = counter(routed, ROUTED, "Leads given to their first rep, by team and strategy",
                team, "strategy", strategy);
        Timer timer = timeToAssign == null ? null : timeToAssign(team);
        AfterCommit.run(() -> {
            counter.increment();
            if (timer != null) {
                timer.record(timeToAssign);
            }
        });
    }

    /** The lead was taken from its rep and given to another: {@code sla-breach} or {@code by-hand}. */
    void reassigned(String team, String reason) {
        Counter counter = counter(reassigned, REASSIGNED, "Leads taken from their rep and given to another",
                team, "reason", reason);
        AfterCommit.run(counter::increment);
    }

    /** Routing found nobody eligible: the lead waits for manual assignment. */
    void nobodyEligible(String team) {
        Counter counter = nobodyEligible.get(tag(team));
        if (counter == null) {
            counter = nobodyEligible.computeIfAbsent(tag(team), key -> Counter.builder(NOBODY_ELIGIBLE)
                    .description("Leads routing found nobody eligible for: they wait for manual assignment")
                    .tag("team", key)
                    .register(registry));
        }
        AfterCommit.run(counter::increment);
    }

    private Timer timeToAssign(String team) {
        Timer timer = timeToAssign.get(tag(team));
        if (timer != null) {
            return timer;
        }
        return timeToAssign.computeIfAbsent(tag(team), key -> Timer.builder(TIME_TO_ASSIGN)
                .description("From a lead's receipt to its first rep (routing, review and manual assignment)")
                .tag("team", key)
                .serviceLevelObjectives(TIME_TO_ASSIGN_BUCKETS)
                .register(registry));
    }

    private Counter counter(ConcurrentMap<String, ConcurrentMap<String, Counter>> counters, String name,
                            String description, String team, String tagName, String tagValue) {
        ConcurrentMap<String, Counter> ofTeam = counters.get(tag(team));
        if (ofTeam == null) {
            ofTeam = counters.computeIfAbsent(tag(team), key -> new ConcurrentHashMap<>());
        }
        Counter counter = ofTeam.get(tag(tagValue));
        if (counter != null) {
            return counter;
        }
        return ofTeam.computeIfAbsent(tag(tagValue), value -> Counter.builder(name)
                .description(description)
                .tag("team", tag(team))
                .tag(tagName, value)
                .register(registry));
    }

    private static String tag(String value) {
        return value == null ? NONE : value;
    }
}
