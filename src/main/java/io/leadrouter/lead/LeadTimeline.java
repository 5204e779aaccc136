package io.leadrouter.lead;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead's life in order ({@link LeadEventType}): received, held for review or its problems
 * noted, routed (or nobody found), reminded, breached, reassigned, escalated, outcome, closed or
 * merged. Review, routing, the SLA and the lead's lifecycle each record their own moments here,
 * in the transaction that made them happen, so an event is stored exactly when its change
 * commits. Why a decision went to a rep stays with routing (its explanation); the timeline says
 * that it did.
 *
 * <p>Received is not stored: every lead has exactly one, and its facts (when, from which
 * source) are on the lead's row already, so it is read from there. Intake is the path whose
 * leads per second are measured, and it stays at one insert a lead. Every later moment is
 * stored as it happens: the lead's row keeps only the latest owner, routing and outcome, and a
 * lead may be routed, reassigned and worked several times.
 */
@Service
public class LeadTimeline {

    private final LeadEventRepository events;
    private final JdbcTemplate jdbc;

    LeadTimeline(LeadEventRepository events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Adds the event to its lead's timeline, in the caller's transaction. A plain insert: the id
     * is the database's identity (the order of events within one instant), and through JPA an
     * identity insert runs at once and cost routing more than the rest of a decision (JMH,
     * BENCHMARKS.md fifth round).
     */
    @Transactional
    public void record(LeadEvent event) {
        jdbc.update("""
                insert into lead_events (lead_id, event_type, occurred_at, rep_id, team_id, actor, summary)
                values (?, ?, ?, ?, ?, ?, ?)""",
                event.getLeadId(), event.getType().name(), event.getOccurredAt().atOffset(ZoneOffset.UTC), event.getRep(),
                event.getTeam(), event.getActor(), event.getSummary());
    }

    /** The lead's events in the order they happened, its receipt first. */
    @Transactional(readOnly = true)
    public List<LeadEvent> of(Lead lead) {
        List<LeadEvent> timeline = new ArrayList<>();
        timeline.add(received(lead));
        timeline.addAll(events.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()));
        return timeline;
    }

    private static LeadEvent received(Lead lead) {
        return new LeadEvent(lead.getId(), LeadEventType.RECEIVED, lead.getReceivedAt(), null, null, null,
                "Received" + (lead.getSource() == null ? "" : " from " + lead.getSource()));
    }
}
