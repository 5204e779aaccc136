package io.leadrouter.sla;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadTier;
import io.leadrouter.storage.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The response SLA's meters, as Prometheus shows them ({@code /actuator/prometheus}):
 * {@code leadrouter_sla_reminders_total{team}}, {@code leadrouter_sla_breaches_total{team, tier}}
 * (a rep let the deadline pass) and {@code leadrouter_leads_escalated_total{team}} (nobody is left:
 * a manager got the lead). Each counts once its transaction commits, on the node that ran the
 * timer; Prometheus sums the nodes. Tags are team ids and tiers, never lead or rep ids.
 */
@Component
class SlaMeters {

    static final String REMINDERS = "leadrouter.sla.reminders";
    static final String BREACHES = "leadrouter.sla.breaches";
    static final String ESCALATED = "leadrouter.leads.escalated";

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> reminders = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> breaches = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> escalated = new ConcurrentHashMap<>();

    SlaMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void reminded(String team) {
        Counter counter = ofTeam(reminders, REMINDERS, "Reps reminded that a lead's response deadline is near", team);
        AfterCommit.run(counter::increment);
    }

    void breached(String team, LeadTier tier) {
        String tierName = tier == null ? NONE : tier.name();
        Counter counter = breaches.computeIfAbsent(tag(team) + "/" + tierName, key -> Counter.builder(BREACHES)
                .description("Response SLA breaches: a rep let a lead's deadline pass")
                .tag("team", tag(team))
                .tag("tier", tierName)
                .register(registry));
        AfterCommit.run(counter::increment);
    }

    void escalated(String team) {
        Counter counter = ofTeam(escalated, ESCALATED, "Leads nobody responded to in time that went to a manager",
                team);
        AfterCommit.run(counter::increment);
    }

    private Counter ofTeam(ConcurrentMap<String, Counter> counters, String name, String description, String team) {
        return counters.computeIfAbsent(tag(team), key -> Counter.builder(name)
                .description(description)
                .tag("team", key)
                .register(registry));
    }

    private static String tag(String value) {
        return value == null ? NONE : value;
    }
}
