package io.leadrouter.lead;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code leadrouter_outcomes_recorded_total{outcome}}: the outcomes recorded on leads, counted when
 * their transaction commits ({@link LeadOutcomeRecorded}). A lead counts its response (its first
 * outcome) and its final outcome: contacted then converted counts once under CONTACTED and once
 * under CONVERTED; converted at once counts once. Every outcome's series exists from the start, at
 * zero, so that a rate over it is never "no data". Conversion rates per rep, team and strategy are
 * {@code /api/stats}' (scoped to what the caller may see), not a meter's.
 */
@Component
class OutcomeMeters {

    static final String RECORDED = "leadrouter.outcomes.recorded";

    private final Map<LeadOutcome, Counter> recorded = new EnumMap<>(LeadOutcome.class);

    OutcomeMeters(MeterRegistry registry) {
        for (LeadOutcome outcome : LeadOutcome.values()) {
            recorded.put(outcome, Counter.builder(RECORDED)
                    .description("Outcomes recorded on leads: each lead's response and its final outcome")
                    .tag("outcome", outcome.name())
                    .register(registry));
        }
    }

    /** After the commit; an outcome recorded outside a transaction (none today) counts at once. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(LeadOutcomeRecorded outcome) {
        recorded.get(outcome.outcome()).increment();
    }
}
