package io.leadrouter.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.scoring.model.LabelledLead;

/**
 * The training set of scoring models: every lead whose outcome is known, labelled converted or
 * not, oldest first.
 *
 * <ul>
 * <li><b>History</b> imported from a CRM ({@link LeadStatus#HISTORY}): converted or not, as the
 *     export said. They are older than any lead of the installation's own: their {@code order}
 *     is their place among the history leads counted back from -1 (the newest), so they come
 *     before every own lead, whose {@code order} is the epoch millisecond it was received at.</li>
 * <li><b>Own leads</b> with a final outcome: CONVERTED is converted; LOST is not; DISQUALIFIED and
 *     NURTURE are not converted only <em>after contact</em>: when the lead was reached first (its
 *     timeline has an outcome before the final one, which can only be CONTACTED, the one outcome
 *     that leaves a lead open) or its follow-up window closed it. A lead closed at qualification,
 *     or by its rep without reaching anyone, tells nothing about whether people like it buy, and
 *     a model trained on the rules' own verdicts would only learn the rules.</li>
 * <li><b>Own leads still open</b> past the horizon ({@code leadrouter.scoring.outcome-horizon},
 *     90 days by default) after they came in: not converted.</li>
 * </ul>
 * Merged leads are left out: their person's lead is counted in the one they merged into.
 */
@Service
public class LeadOutcomeHistory {

    private final EntityManager entities;
    private final Clock clock;
    private final OutcomeHistoryProperties properties;

    LeadOutcomeHistory(EntityManager entities, Clock clock, OutcomeHistoryProperties properties) {
        this.entities = entities;
        this.clock = clock;
        this.properties = properties;
    }

    /** Every lead with a known outcome, labelled, oldest first. */
    @Transactional(readOnly = true)
    public List<LabelledLead> labelledLeads() {
        List<LabelledLead> labelled = new ArrayList<>();
        List<Lead> history = entities.createQuery("""
                        select l from Lead l where l.status = :history order by l.historyOrder, l.id""", Lead.class)
                .setParameter("history", LeadStatus.HISTORY).getResultList();
        for (int i = 0; i < history.size(); i++) {
            Lead lead = history.get(i);
            labelled.add(new LabelledLead(lead, lead.getOutcome() == LeadOutcome.CONVERTED, i - (long) history.size()));
        }

        Instant horizonStart = clock.instant().minus(properties.outcomeHorizon());
        List<Lead> own = entities.createQuery("""
                        select l from Lead l
                        where l.status in :decided
                           or l.status in :closedWithoutSale and l.outcome is not null
                              and ((select count(e) from LeadEvent e
                                    where e.leadId = l.id and e.type = :outcomeRecorded) > 1
                                   or exists (select e from LeadEvent e
                                              where e.leadId = l.id and e.type = :windowClosed))
                           or l.status in :open and l.receivedAt < :horizonStart""", Lead.class)
                .setParameter("decided", List.of(LeadStatus.CONVERTED, LeadStatus.LOST))
                .setParameter("closedWithoutSale", List.of(LeadStatus.DISQUALIFIED, LeadStatus.NURTURE))
                .setParameter("outcomeRecorded", LeadEventType.OUTCOME_RECORDED)
                .setParameter("windowClosed", LeadEventType.FOLLOW_UP_EXPIRED)
                .setParameter("open", LeadStatus.OPEN)
                .setParameter("horizonStart", horizonStart)
                .getResultList();
        own.stream()
                .sorted(Comparator.comparing(Lead::getReceivedAt).thenComparing(Lead::getId))
                .map(lead -> new LabelledLead(lead, lead.getStatus() == LeadStatus.CONVERTED,
                        lead.getReceivedAt().toEpochMilli()))
                .forEach(labelled::add);
        return labelled;
    }
}
