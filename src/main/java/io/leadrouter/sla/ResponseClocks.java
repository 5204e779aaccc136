package io.leadrouter.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadOutcomeRecorded;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * The response clock of the rep who has a lead: starts when the lead is given to the rep, is due
 * after the tier's response time ({@link ResponseSla}) in the rep's business hours
 * ({@link BusinessCalendar}), and stops at the rep's first outcome on Work lead, which is what
 * "responded" means. The process turns the deadline into timers: a reminder before it, the
 * breach at it.
 */
@Service
public class ResponseClocks {

    private final LeadRepository leads;
    private final RepRepository reps;
    private final ResponseClockRepository clocks;
    private final ResponseSla sla;
    private final SlaProperties properties;
    private final LeadTimeline timeline;
    private final Clock clock;
    private final SlaMeters meters;

    ResponseClocks(LeadRepository leads, RepRepository reps, ResponseClockRepository clocks, ResponseSla sla,
                   SlaProperties properties, LeadTimeline timeline, Clock clock, SlaMeters meters) {
        this.leads = leads;
        this.reps = reps;
        this.clocks = clocks;
        this.sla = sla;
        this.properties = properties;
        this.timeline = timeline;
        this.clock = clock;
        this.meters = meters;
    }

    /** When the rep is reminded, and when the lead is due. */
    public record Deadline(Instant reminder, Instant due) {
    }

    /** Who missed the deadline, and whether the lead may go to another rep. */
    public record Breach(String rep, boolean reassignmentsLeft) {
    }

    /** Starts the clock of the lead's current rep; running it again for the same rep changes nothing. */
    @Transactional
    public Deadline start(String leadId) {
        Lead lead = leads.require(leadId);
        if (lead.getOwnerId() == null) {
            throw new IllegalStateException("Lead " + leadId + " has no rep whose response clock could start");
        }
        Optional<ResponseClock> running = clocks.findOpen(leadId);
        if (running.isPresent() && running.get().getRepId().equals(lead.getOwnerId())) {
            return new Deadline(running.get().getReminderAt(), running.get().getDueAt());
        }
        Rep rep = reps.findById(lead.getOwnerId())
                .orElseThrow(() -> new IllegalStateException("The owner of lead " + leadId + ", '" + lead.getOwnerId()
                        + "', is no rep"));
        ResponseSla.Terms terms = sla.terms(lead);
        BusinessCalendar calendar = calendarOf(rep);
        Instant now = clock.instant();
        Duration responseTime = calendar.length(terms.responseTime());
        // a whole second, rounded up: Tasklist saves a task's dates back without milliseconds, and
        // the deadline is Work lead's due date, which must come back as it was
        Instant due = wholeSecondOnOrAfter(calendar.addBusinessTime(now, responseTime));
        Instant reminder = calendar.addBusinessTime(now,
                Duration.ofMillis(Math.round(responseTime.toMillis() * terms.reminderAt())));
        boolean firstRep = !clocks.existsByLeadId(leadId);
        lead.startResponseClock(due);
        clocks.save(new ResponseClock(leadId, rep.getId(), rep.getTeamId(), lead.getTier(), terms.responseTime(), now,
                reminder, due, firstRep ? lead.routingDelay() : null));
        return new Deadline(reminder, due);
    }

    private static Instant wholeSecondOnOrAfter(Instant instant) {
        Instant second = instant.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(instant) ? second : second.plusSeconds(1);
    }

    /** The reminder is due: recorded on the clock and on the lead's timeline. */
    @Transactional
    public void remind(String leadId) {
        clocks.findOpen(leadId).filter(running -> running.getRemindedAt() == null).ifPresent(running -> {
            Instant now = clock.instant();
            running.remind(now);
            timeline.record(new LeadEvent(leadId, LeadEventType.REMINDED, now, running.getRepId(),
                    running.getTeamId(), null, "Reminder: " + describe(running, false)));
            meters.reminded(running.getTeamId());
        });
    }

    /**
     * The deadline passed without a response: the clock ends as breached, the lead has missed
     * its SLA, and the breach is recorded on the lead's timeline.
     */
    @Transactional
    public Breach breach(String leadId) {
        Lead lead = leads.require(leadId);
        Optional<ResponseClock> running = clocks.findOpen(leadId);
        String rep = running.map(ResponseClock::getRepId).orElse(lead.getOwnerId());
        running.ifPresent(missed -> {
            Instant now = clock.instant();
            missed.breach(now);
            timeline.record(new LeadEvent(leadId, LeadEventType.SLA_BREACHED, now, missed.getRepId(),
                    missed.getTeamId(), null, "Response SLA breached: " + describe(missed, true)));
            meters.breached(missed.getTeamId(), missed.getTier());
        });
        lead.missResponseSla();
        return new Breach(rep, lead.getReassignments() < properties.maxReassignments());
    }

    /** The rep's business calendar: their working hours and time zone, less the holidays. */
    public BusinessCalendar calendarOf(Rep rep) {
        return new BusinessCalendar(rep.workingHours(), new HashSet<>(properties.holidays()));
    }

    /**
     * The first outcome on a lead is its response: the clock stops, in time or late. Later outcomes
     * (the final one after follow-up) are no response and leave the measures as they are.
     */
    @EventListener
    void on(LeadOutcomeRecorded recorded) {
        if (!recorded.firstOutcome()) {
            return;
        }
        Instant now = clock.instant();
        leads.require(recorded.leadId()).respond(now);
        clocks.findOpen(recorded.leadId()).ifPresent(running -> running.respond(now));
    }

    /** "Carl Lin did not respond by Tue 5 Mar 10:15 EST (HOT lead: 15 minutes of business time)". */
    private String describe(ResponseClock running, boolean breached) {
        Rep rep = reps.findById(running.getRepId()).orElse(null);
        String name = rep == null ? running.getRepId() : rep.getName();
        String due = rep == null ? running.getDueAt().toString() : rep.workingHours().localTime(running.getDueAt());
        return name + (breached ? " did not respond by " + due : " has until " + due + " to respond") + " ("
                + (running.getTier() == null ? "" : running.getTier() + " lead: ")
                + BusinessTime.parse(running.getResponseTime()).describe() + " of business time)";
    }
}
