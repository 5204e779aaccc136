package io.leadrouter.intake;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.engine.Processes;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadRepository;

/**
 * Accepts leads. The lead row and its process instance are written in one transaction, and the
 * process starts asynchronously: once a caller is told a lead was accepted, the engine's job
 * for it is committed too, so the lead is routed even if this node dies right after answering.
 */
@Service
public class LeadIntake {

    /** Key of the BPMN process in {@code processes/lead-routing.bpmn}. */
    public static final String PROCESS_KEY = "leadRouting";

    private final LeadRepository leads;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IntakeBacklog backlog;
    private final Processes processes;

    LeadIntake(LeadRepository leads, Processes processes, TransactionTemplate transaction, Clock clock,
               IntakeBacklog backlog) {
        this.leads = leads;
        this.processes = processes;
        this.transaction = transaction;
        this.clock = clock;
        this.backlog = backlog;
    }

    /** The outcome of a submission: the stored lead, and whether this call created it. */
    public record Accepted(Lead lead, boolean created) {
    }

    /** Like {@link #submit(LeadData, String, String)}, for a lead sent in Lead Router's own form. */
    public Accepted submit(LeadData data, String submittedBy) {
        return submit(data, null, submittedBy);
    }

    /**
     * Stores the lead and starts its routing, or, when a lead with the same {@code externalId}
     * exists, returns that one and starts nothing. {@code sourceMapping} is the source whose
     * mapping read the lead (null: Lead Router's own form), {@code submittedBy} the user who sent it.
     */
    public Accepted submit(LeadData data, String sourceMapping, String submittedBy) {
        Optional<Lead> existing = findExisting(data.externalId());
        if (existing.isPresent()) {
            return new Accepted(existing.get(), false);
        }
        try {
            Accepted accepted = transaction.execute(status -> new Accepted(create(data, sourceMapping, submittedBy),
                    true));
            backlog.accepted();
            return accepted;
        } catch (DataIntegrityViolationException raceOnExternalId) {
            // another request with the same externalId committed first: answer with its lead
            return findExisting(data.externalId())
                    .map(lead -> new Accepted(lead, false))
                    .orElseThrow(() -> raceOnExternalId);
        }
    }

    private Optional<Lead> findExisting(String externalId) {
        return externalId == null ? Optional.empty() : leads.findByExternalId(externalId);
    }

    private Lead create(LeadData data, String sourceMapping, String submittedBy) {
        Lead lead = leads.saveAndFlush(Lead.receive(data, clock.instant(), submittedBy, sourceMapping));
        lead.linkProcess(processes.startLatest(PROCESS_KEY, lead.getId(), Map.of("leadId", lead.getId())));
        return lead;
    }
}
