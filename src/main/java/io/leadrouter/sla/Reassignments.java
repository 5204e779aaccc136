package io.leadrouter.sla;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.routing.LeadRouting;
import io.leadrouter.team.Rep;
import io.leadrouter.web.InvalidRequestException;

/**
 * A lead given by hand to another rep (sales ops, or the manager of the lead's rep): the owner,
 * the credit, the response clock and the routing explanation move with it. The old rep's open
 * clock ends as {@link ResponseClock.Result#REASSIGNED} (neither met nor breached: the rep was not
 * given the chance); the new rep's clock starts afresh with their new "Work lead" task.
 *
 * <p>A contacted lead (in follow-up) moves too, and gets no response clock: it was responded to,
 * its response time and SLA are those of whoever contacted it. The new rep follows it up from the
 * same follow-up date ("Hand follow-up to named rep" in lead-routing.bpmn).
 */
@Service
public class Reassignments {

    /** The longest reason kept (it goes into the routing explanation with the names). */
    public static final int MAX_REASON_LENGTH = 500;

    private final LeadRepository leads;
    private final ResponseClockRepository clocks;
    private final LeadRouting routing;

    Reassignments(LeadRepository leads, ResponseClockRepository clocks, LeadRouting routing) {
        this.leads = leads;
        this.clocks = clocks;
        this.routing = routing;
    }

    /** Who asks to give which lead to which rep, and why. */
    public record Request(String leadId, String to, String by, String reason) {
    }

    /**
     * Checks the request without changing anything: the lead is assigned, escalated or contacted, the rep
     * exists, is active and is not the lead's owner already. InvalidRequestException names the problem.
     */
    @Transactional(readOnly = true)
    public Rep check(Request request) {
        Lead lead = leads.require(request.leadId());
        if (!LeadStatus.REASSIGNABLE.contains(lead.getStatus())) {
            throw new InvalidRequestException("Lead " + lead.getId() + " is " + lead.getStatus()
                    + ": only an open lead (assigned, escalated or contacted) can be reassigned");
        }
        Rep rep = routing.activeRep(request.to());
        if (rep.getId().equals(lead.getOwnerId())) {
            throw new InvalidRequestException(rep.getName() + " already owns lead " + lead.getId());
        }
        if (request.by() == null || request.by().isBlank()) {
            throw new InvalidRequestException("Who reassigns the lead is needed: it goes into the lead's routing explanation");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidRequestException("A reason is needed: it goes into the lead's routing explanation");
        }
        if (request.reason().length() > MAX_REASON_LENGTH) {
            throw new InvalidRequestException("The reason may have at most " + MAX_REASON_LENGTH + " characters");
        }
        return rep;
    }

    /**
     * Gives the lead to the rep; for an assigned or escalated lead the caller then starts the new
     * rep's clock (the process does), a contacted lead stays in follow-up without one.
     */
    @Transactional
    public LeadRouting.Outcome reassign(Request request) {
        check(request);
        clocks.findOpen(request.leadId()).ifPresent(ResponseClock::withdraw);
        return routing.reassignByHand(request.leadId(), request.to().trim(), request.by(), request.reason().trim());
    }
}
