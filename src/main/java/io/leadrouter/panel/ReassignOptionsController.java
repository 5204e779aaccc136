package io.leadrouter.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAccess;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.security.ApiUser;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * {@code GET /api/leads/{id}/reassign-options}: whom the signed-in user may give the lead to, for
 * the "Reassign" tab of a lead's task and the team board. A lead the user may not read is not
 * found (404), as everywhere in {@code /api}; one they read but may not reassign is answered with
 * {@code mayReassign: false} and why. The reps: for sales ops and admins the active reps of the
 * lead's team, for a manager their own active reps ({@link LeadAccess#mayGiveLeadTo}). The
 * reassignment itself is {@code POST /api/leads/{id}/reassign}.
 */
@RestController
class ReassignOptionsController {

    static final String NOT_YOURS = "Only sales ops, admins and the manager of the lead's rep may reassign it";

    private final LeadRepository leads;
    private final RepRepository reps;
    private final LeadAccess access;
    private final RepPanels panels;
    private final Clock clock;

    ReassignOptionsController(LeadRepository leads, RepRepository reps, LeadAccess access, RepPanels panels,
                              Clock clock) {
        this.leads = leads;
        this.reps = reps;
        this.access = access;
        this.panels = panels;
        this.clock = clock;
    }

    @GetMapping("/api/leads/{id}/reassign-options")
    @Transactional(readOnly = true)
    ReassignOptions options(@PathVariable String id, ApiUser user) {
        Lead lead = leads.require(id, access.scopeOf(user));
        ReassignOptions.Subject subject = subject(lead);
        if (!access.mayReassign(user, lead)) {
            return new ReassignOptions(subject, false, NOT_YOURS, List.of());
        }
        if (!LeadStatus.REASSIGNABLE.contains(lead.getStatus())) {
            return new ReassignOptions(subject, false, "The lead is " + lead.getStatus()
                    + ": only an open lead (assigned, escalated or contacted) can be reassigned", List.of());
        }
        List<Rep> candidates = LeadAccess.readsEveryRep(user)
                ? (lead.getTeamId() == null ? List.of() : reps.findByTeamIdOrderById(lead.getTeamId()))
                : reps.findByManagerIdOrderById(user.id());
        Instant now = clock.instant();
        List<ReassignOptions.Choice> choices = candidates.stream()
                .filter(Rep::isActive)
                .filter(rep -> access.mayGiveLeadTo(user, rep))
                .map(rep -> new ReassignOptions.Choice(panels.person(rep), RepPanels.away(rep, panels.absences(rep, now)),
                        panels.load(rep), rep.getId().equals(lead.getOwnerId())))
                .sorted(Comparator.comparing((ReassignOptions.Choice choice) -> choice.away() != null)
                        .thenComparing(choice -> choice.load().openLeads().count())
                        .thenComparing(choice -> choice.rep().name()))
                .toList();
        return new ReassignOptions(subject, true, null, choices);
    }

    private ReassignOptions.Subject subject(Lead lead) {
        String holder = lead.holder();
        String holderName = holder == null ? null : reps.findById(holder).map(Rep::getName).orElse(holder);
        return new ReassignOptions.Subject(lead.getId(), lead.getName(), lead.getCompany(),
                lead.getTier() == null ? null : lead.getTier().name(), lead.getStatus().name(), holder, holderName,
                lead.getTeamId(), lead.getStatus() == LeadStatus.ASSIGNED ? lead.getSlaDueAt() : null,
                lead.getStatus() == LeadStatus.CONTACTED ? lead.getFollowUpAt() : null);
    }
}
