package io.leadrouter.sla;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.team.Directory;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * The end of the escalation path: no rep responded in time and either the reassignments are used
 * up ({@code leadrouter.sla.max-reassignments}) or nobody eligible is left. The lead goes to the
 * manager of the rep who had it last (any member of {@code managers} when that rep has none), and
 * the escalation goes on the lead's timeline.
 */
@Service
public class Escalations {

    private final LeadRepository leads;
    private final RepRepository reps;
    private final Directory directory;
    private final LeadTimeline timeline;
    private final SlaProperties properties;
    private final Clock clock;
    private final SlaMeters meters;

    Escalations(LeadRepository leads, RepRepository reps, Directory directory, LeadTimeline timeline,
                SlaProperties properties, Clock clock, SlaMeters meters) {
        this.leads = leads;
        this.reps = reps;
        this.directory = directory;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** The manager who gets the lead (null: any manager), and why, in words. */
    public record Escalation(String manager, String reason) {
    }

    @Transactional
    public Escalation escalate(String leadId) {
        Lead lead = leads.require(leadId);
        if (lead.getOwnerId() == null) {
            // already escalated: this is a retry of the same step
            return new Escalation(lead.getEscalatedTo(), lead.getRoutingReason());
        }
        Rep last = reps.findById(lead.getOwnerId()).orElse(null);
        String lastName = last == null ? lead.getOwnerId() : last.getName();
        String manager = last == null ? null : last.getManagerId();
        String why = lead.getReassignments() >= properties.maxReassignments()
                ? lastName + " did not respond in time either, and the lead was reassigned " + lead.getReassignments()
                        + (lead.getReassignments() == 1 ? " time" : " times") + ", the most allowed"
                : lastName + " did not respond in time and nobody else in team " + lead.getTeamId() + " is eligible";
        String to = manager == null ? "the sales managers" : directory.nameOf(manager) + ", manager of " + lastName;
        String reason = "Escalated to " + to + ": " + why;
        Instant now = clock.instant();
        lead.escalateTo(manager, reason, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.ESCALATED, now, manager, lead.getTeamId(), null, reason));
        meters.escalated(lead.getTeamId());
        return new Escalation(manager, reason);
    }
}
