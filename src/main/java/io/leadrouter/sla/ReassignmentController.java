package io.leadrouter.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.engine.Processes;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadView;
import io.leadrouter.security.ApiUser;
import io.leadrouter.team.Rep;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * {@code POST /api/leads/{id}/reassign} with {@code {"to": "<rep id>", "reason": "…"}}: sales ops,
 * admins or the manager of the lead's rep ({@link LeadAccess#mayReassign}) give an open lead to
 * another rep (a manager to one of their own reps). The lead's process takes it from there
 * ("Reassignment requested" on Work lead, Handle escalated lead or Follow up lead): the lead, its
 * credit and the routing explanation move to the new rep, who gets a new task, with a fresh
 * response clock for an assigned or escalated lead, or with the same follow-up date for a contacted
 * one; the old task, and with it the old rep's access, is gone.
 */
@RestController
@RequestMapping("/api/leads")
class ReassignmentController {

    static final String MESSAGE = "leadReassignmentRequested";

    private final Reassignments reassignments;
    private final LeadRepository leads;
    private final LeadAccess access;
    private final Processes processes;

    ReassignmentController(Reassignments reassignments, LeadRepository leads, LeadAccess access,
                           Processes processes) {
        this.reassignments = reassignments;
        this.leads = leads;
        this.access = access;
        this.processes = processes;
    }

    @PostMapping("/{id}/reassign")
    LeadView reassign(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        // a lead the caller may not read is "not found", as everywhere in /api
        Lead lead = leads.require(id, access.scopeOf(user));
        if (!access.mayReassign(user, lead)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only sales ops, admins and the manager of the lead's rep may reassign it");
        }
        Reassignments.Request request = new Reassignments.Request(id, text(body, "to"), user.id(),
                text(body, "reason"));
        requireFields(request);
        Rep rep = reassignments.check(request);
        if (!access.mayGiveLeadTo(user, rep)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "A manager gives a lead to their own reps only; " + rep.getName() + " is not one of yours");
        }
        // transient: read once by "Reassign to named rep", not stored with the process
        boolean waiting = processes.correlate(MESSAGE, id, Map.of(ReassignToNamedRepDelegate.TO, rep.getId(),
                ReassignToNamedRepDelegate.BY, user.id(), ReassignToNamedRepDelegate.REASON, request.reason().trim()));
        if (!waiting) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Lead " + id + " is not waiting for a rep or "
                    + "manager right now (it is being routed, worked or reassigned at this moment: try again), or its "
                    + "process started on a version of lead-routing.bpmn that cannot reassign it by hand (before "
                    + "version 3; for a lead in follow-up, before version 7: migrate its instance in Cockpit)");
        }
        return LeadView.of(leads.require(id));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static void requireFields(Reassignments.Request request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.to() == null || request.to().isBlank()) {
            errors.add(new FieldError("to", "the user id of the rep who gets the lead is required"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: it goes into the lead's routing explanation"));
        } else if (request.reason().length() > Reassignments.MAX_REASON_LENGTH) {
            errors.add(new FieldError("reason", "may have at most " + Reassignments.MAX_REASON_LENGTH
                    + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
