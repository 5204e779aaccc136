package io.leadrouter.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadTimeline;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;
import io.leadrouter.web.InvalidRequestException;

/**
 * The reps a person may give a lead to by hand (sales ops on "Assign lead manually", a manager on
 * "Handle escalated lead"), each with what routing would say about them now: available or why
 * not (away, at a cap), open leads against their cap. The lead's own team comes first, then the
 * other teams (when a whole team is away the lead may go elsewhere); within a team the reps who
 * could take it without an override first, most headroom first. Inactive reps are not offered.
 *
 * <p>Availability is judged by routing's own rules ({@link CandidatePool}, read without locks as
 * {@link TeamCandidates#snapshot} does). A rep routing would leave out for being marked
 * unavailable, out of office or at a cap needs an explicit override ({@link #check}), which the
 * lead's timeline records ({@link LeadEventType#AVAILABILITY_OVERRIDDEN}). Outside working hours
 * needs none: the response clock counts the rep's business hours anyway.
 */
@Service
public class RepChoices {

    /** The longest list offered: a select beyond it is no help, and a person types the user id instead. */
    static final int MAX_CHOICES = 300;

    /** What routing leaves a rep out for that a person may override by hand. */
    private static final Set<Exclusion.Kind> OVERRIDABLE = EnumSet.of(Exclusion.Kind.UNAVAILABLE,
            Exclusion.Kind.ABSENT, Exclusion.Kind.OPEN_LEAD_CAP, Exclusion.Kind.DAILY_CAP, Exclusion.Kind.WEEKLY_CAP);

    private final TeamRepository teams;
    private final RepRepository reps;
    private final TeamCandidates candidates;
    private final CandidatePool pool;
    private final LeadTimeline timeline;
    private final Clock clock;

    RepChoices(TeamRepository teams, RepRepository reps, TeamCandidates candidates, CandidatePool pool,
               LeadTimeline timeline, Clock clock) {
        this.teams = teams;
        this.reps = reps;
        this.candidates = candidates;
        this.pool = pool;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * One rep as a choice.
     *
     * @param blocked what routing leaves the rep out for now and an override may overrule; null when none
     * @param load    the rep's leads against their caps
     */
    public record Choice(String repId, String name, String teamId, String teamName, boolean leadsTeam,
                         Exclusion blocked, boolean inWorkingHours, RepLoad load) {

        public boolean needsOverride() {
            return blocked != null;
        }

        /** "Anna Snelling - available - 3 open / cap 10 (7 free)"; another team's rep names the team. */
        public String label() {
            StringBuilder label = new StringBuilder(name);
            if (!leadsTeam) {
                label.append(" (").append(teamName).append(')');
            }
            label.append(" - ");
            if (blocked != null) {
                label.append(blocked.reason()).append(", override needed");
            } else {
                label.append(inWorkingHours ? "available" : "available, outside working hours");
            }
            label.append(" - ").append(load.openLeads()).append(" open");
            if (load.maxOpen() != null) {
                label.append(" / cap ").append(load.maxOpen())
                        .append(" (").append(Math.max(0, load.maxOpen() - load.openLeads())).append(" free)");
            }
            if (load.dailyCap() != null) {
                label.append(", today ").append(load.givenToday()).append(" / ").append(load.dailyCap());
            }
            if (load.weeklyCap() != null) {
                label.append(", week ").append(load.givenThisWeek()).append(" / ").append(load.weeklyCap());
            }
            return label.toString();
        }
    }

    /**
     * The choices for a lead of this team (null or unknown: every team on an equal footing),
     * in the order described above, at most {@value #MAX_CHOICES}.
     */
    @Transactional
    public List<Choice> forLeadOf(String leadsTeam) {
        List<Team> ordered = new ArrayList<>(teams.findAll());
        ordered.sort(Comparator.comparing((Team team) -> !team.getId().equals(leadsTeam)).thenComparing(Team::getName));
        List<Choice> choices = new ArrayList<>();
        for (Team team : ordered) {
            List<Choice> ofTeam = new ArrayList<>();
            for (Assessment assessment : candidates.snapshot(team.getId()).map(TeamCandidates.Assessed::all)
                    .orElse(List.of())) {
                choice(team, assessment, leadsTeam).ifPresent(ofTeam::add);
            }
            ofTeam.sort(Comparator.comparing(Choice::needsOverride)
                    .thenComparing(choice -> headroom(choice.load()), Comparator.reverseOrder())
                    .thenComparing(Choice::name));
            choices.addAll(ofTeam);
            if (choices.size() >= MAX_CHOICES) {
                return List.copyOf(choices.subList(0, MAX_CHOICES));
            }
        }
        return choices;
    }

    /** The choices as a Camunda Forms select reads them ("Input data": label and value each). */
    @Transactional
    public List<Map<String, Object>> asOptions(String leadsTeam) {
        return forLeadOf(leadsTeam).stream().map(choice -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("label", choice.label());
            option.put("value", choice.repId());
            return option;
        }).toList();
    }

    /**
     * Checks a person's choice: an active rep of an existing team, who needs {@code override}
     * when routing would leave them out now. InvalidRequestException names what is wrong.
     */
    @Transactional
    public Choice check(String leadsTeam, String repId, boolean override) {
        String id = repId == null ? "" : repId.trim();
        if (id.isEmpty()) {
            throw new InvalidRequestException("Choose the rep who gets the lead");
        }
        Rep rep = reps.findById(id).orElseThrow(() -> new InvalidRequestException("There is no rep with user id '"
                + id + "': choose a rep from the list"));
        if (!rep.isActive()) {
            throw new InvalidRequestException(rep.getName() + " is inactive and cannot be given leads");
        }
        Team team = rep.getTeamId() == null ? null : teams.findById(rep.getTeamId()).orElse(null);
        if (team == null) {
            throw new InvalidRequestException(rep.getName() + " belongs to no team and cannot be given leads");
        }
        Assessment assessment = candidates.snapshot(team.getId()).map(TeamCandidates.Assessed::all).orElse(List.of())
                .stream().filter(a -> a.rep().getId().equals(rep.getId())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(rep.getName() + " is not among the reps of team "
                        + team.getName()));
        Choice choice = choice(team, assessment, leadsTeam).orElseThrow(() ->
                new InvalidRequestException(rep.getName() + " cannot be given leads now: "
                        + assessment.exclusion().reason()));
        if (choice.needsOverride() && !override) {
            throw new InvalidRequestException(rep.getName() + " is " + choice.blocked().reason()
                    + ": tick the override to give them the lead anyway, or choose another rep");
        }
        return choice;
    }

    /**
     * Records on the lead's timeline that {@code by} gave it to a rep routing would have left out;
     * nothing when the choice needed no override.
     */
    @Transactional
    public void recordOverride(String leadId, Choice choice, String by) {
        if (!choice.needsOverride()) {
            return;
        }
        timeline.record(new LeadEvent(leadId, LeadEventType.AVAILABILITY_OVERRIDDEN, clock.instant(), choice.repId(),
                choice.teamId(), by, (by == null ? "Someone" : by) + " gave the lead to " + choice.name()
                        + " although they are " + choice.blocked().reason()));
    }

    private Optional<Choice> choice(Team team, Assessment assessment, String leadsTeam) {
        Exclusion exclusion = assessment.exclusion();
        if (exclusion != null && !OVERRIDABLE.contains(exclusion.kind())
                && exclusion.kind() != Exclusion.Kind.OUTSIDE_WORKING_HOURS) {
            return Optional.empty();
        }
        Rep rep = assessment.rep();
        boolean outsideHours = exclusion != null && exclusion.kind() == Exclusion.Kind.OUTSIDE_WORKING_HOURS;
        return Optional.of(new Choice(rep.getId(), rep.getName(), team.getId(), team.getName(),
                team.getId().equals(leadsTeam), outsideHours ? null : exclusion,
                assessment.inWorkingHours() && !outsideHours, pool.load(rep)));
    }

    private static long headroom(RepLoad load) {
        return load.maxOpen() == null ? Long.MAX_VALUE - load.openLeads() : load.maxOpen() - load.openLeads();
    }
}
