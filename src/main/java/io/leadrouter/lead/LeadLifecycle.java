package io.leadrouter.lead;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends of a lead's way through Lead Router: closed without sales, or worked by a rep. */
@Service
public class LeadLifecycle {

    private static final Set<LeadStatus> CLOSING_STATUSES = EnumSet.of(LeadStatus.DISQUALIFIED, LeadStatus.NURTURE);

    private final LeadRepository leads;
    private final Clock clock;

    LeadLifecycle(LeadRepository leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    /** Closes a lead that gets no sales follow-up (disqualified, or moved to marketing nurture). */
    @Transactional
    public void close(String leadId, String closingStatus, String reason) {
        LeadStatus status = parse(LeadStatus.class, closingStatus, "closingStatus");
        if (!CLOSING_STATUSES.contains(status)) {
            throw new IllegalArgumentException("closingStatus must be one of " + CLOSING_STATUSES + ", not " + status);
        }
        leads.require(leadId).close(status, reason, clock.instant());
    }

    /** Records what the rep reported on the Work lead task. */
    @Transactional
    public void recordOutcome(String leadId, String outcome, String note) {
        leads.require(leadId).recordOutcome(parse(LeadOutcome.class, outcome, "outcome"), note, clock.instant());
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
