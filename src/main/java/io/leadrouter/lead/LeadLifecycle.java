package io.leadrouter.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.storage.StorableText;

/** Ends of a lead's way through Lead Router: closed without sales, or worked by a rep; each on its timeline. */
@Service
public class LeadLifecycle {

    /** The size of {@code leads.outcome_note}. */
    private static final int OUTCOME_NOTE_LENGTH = 4000;

    private static final Set<LeadStatus> CLOSING_STATUSES = EnumSet.of(LeadStatus.DISQUALIFIED, LeadStatus.NURTURE);

    private final LeadRepository leads;
    private final LeadTimeline timeline;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LeadLifecycle(LeadRepository leads, LeadTimeline timeline, Clock clock, ApplicationEventPublisher events) {
        this.leads = leads;
        this.timeline = timeline;
        this.clock = clock;
        this.events = events;
    }

    /** Closes a lead that gets no sales follow-up (disqualified, or moved to marketing nurture). */
    @Transactional
    public void close(String leadId, String closingStatus, String reason) {
        LeadStatus status = parse(LeadStatus.class, closingStatus, "closingStatus");
        if (!CLOSING_STATUSES.contains(status)) {
            throw new IllegalArgumentException("closingStatus must be one of " + CLOSING_STATUSES + ", not " + status);
        }
        Lead lead = leads.require(leadId);
        Instant now = clock.instant();
        lead.close(status, reason, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.CLOSED, now, null, lead.getTeamId(), null,
                (status == LeadStatus.NURTURE ? "Moved to marketing nurture" : "Closed as disqualified")
                        + (reason == null ? "" : ": " + reason)));
    }

    /**
     * Closes a duplicate of an open lead as merged into that lead, which must be its person's open
     * lead (it passed the duplicate check): never a merge into a lead that is merged itself.
     */
    @Transactional
    public void merge(String leadId, String intoLeadId) {
        Lead into = leads.require(intoLeadId);
        if (!into.hasPassedDuplicateCheck() || into.getStatus() == LeadStatus.MERGED) {
            throw new IllegalStateException("Lead " + leadId + " cannot merge into lead " + intoLeadId
                    + ", which is not its person's open lead (" + into.getStatus() + ")");
        }
        Lead lead = leads.require(leadId);
        Instant now = clock.instant();
        lead.mergeInto(intoLeadId, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.MERGED, now, into.getOwnerId(), into.getTeamId(), null,
                "Merged into lead " + intoLeadId + ", the open lead of the same person"));
    }

    /** Records what the rep reported on the Work lead task. */
    @Transactional
    public void recordOutcome(String leadId, String outcome, String note) {
        Lead lead = leads.require(leadId);
        LeadOutcome recorded = parse(LeadOutcome.class, outcome, "outcome");
        if (note != null && note.length() > OUTCOME_NOTE_LENGTH) {
            throw new IllegalArgumentException("outcomeNote must be at most " + OUTCOME_NOTE_LENGTH + " characters");
        }
        StorableText.problem(note).ifPresent(problem -> {
            throw new IllegalArgumentException("outcomeNote " + problem);
        });
        Instant now = clock.instant();
        lead.recordOutcome(recorded, note, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.OUTCOME_RECORDED, now,
                lead.getOwnerId() != null ? lead.getOwnerId() : lead.getEscalatedTo(), lead.getTeamId(), null,
                "Outcome " + recorded + (note == null || note.isBlank() ? "" : ": " + note)));
        events.publishEvent(new LeadOutcomeRecorded(lead.getId(), lead.getOwnerId(), lead.getProduct(),
                lead.getIndustry(), recorded));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown " + name + " '" + value + "'", unknown);
        }
    }
}
