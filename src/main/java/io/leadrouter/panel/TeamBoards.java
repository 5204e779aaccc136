package io.leadrouter.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.team.Rep;

/**
 * A board of reps ({@link TeamBoard}): each rep's figures as their own panel has them
 * ({@link RepPanels}: person, absences, load against caps, this month), and their open leads from
 * one query. Which reps a user's board shows is the controller's question ({@code lead/LeadAccess}:
 * a manager's own reps, a team for sales ops and admins).
 */
@Service
class TeamBoards {

    private final RepPanels panels;
    private final BoardLeads leads;
    private final Clock clock;

    TeamBoards(RepPanels panels, BoardLeads leads, Clock clock) {
        this.panels = panels;
        this.leads = leads;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TeamBoard of(String title, List<Rep> reps) {
        Instant now = clock.instant();
        Map<String, List<Lead>> open = reps.isEmpty() ? Map.of()
                : leads.openOf(reps.stream().map(Rep::getId).toList(), LeadStatus.WORKED_BY_REP).stream()
                        .collect(Collectors.groupingBy(Lead::getOwnerId));
        return new TeamBoard(title, now, reps.stream()
                .sorted(Comparator.comparing(Rep::getName).thenComparing(Rep::getId))
                .map(rep -> row(rep, open.getOrDefault(rep.getId(), List.of()), now))
                .toList());
    }

    private TeamBoard.Row row(Rep rep, List<Lead> open, Instant now) {
        List<RepPanel.Absence> absences = panels.absences(rep, now);
        List<TeamBoard.OpenLead> leads = open.stream().map(lead -> openLead(lead, now)).toList();
        return new TeamBoard.Row(panels.person(rep), RepPanels.away(rep, absences), absences, panels.load(rep),
                leads.stream().filter(TeamBoard.OpenLead::overdue).count(),
                leads.stream().filter(lead -> LeadStatus.CONTACTED.name().equals(lead.status())).count(),
                panels.month(rep, now), leads);
    }

    /** Overdue: the rep's Work lead is past its due date, the response deadline, and still open. */
    static boolean overdue(Lead lead, Instant now) {
        return lead.getStatus() == LeadStatus.ASSIGNED && lead.getSlaDueAt() != null
                && lead.getSlaDueAt().isBefore(now);
    }

    private static TeamBoard.OpenLead openLead(Lead lead, Instant now) {
        return new TeamBoard.OpenLead(lead.getId(), lead.getName(), lead.getCompany(),
                lead.getTier() == null ? null : lead.getTier().name(), lead.getStatus().name(),
                lead.getStatus() == LeadStatus.ASSIGNED ? lead.getSlaDueAt() : null, overdue(lead, now),
                lead.getStatus() == LeadStatus.CONTACTED ? lead.getFollowUpAt() : null);
    }
}
