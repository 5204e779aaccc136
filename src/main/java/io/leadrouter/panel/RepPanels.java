package io.leadrouter.panel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.routing.Exclusion;
import io.leadrouter.routing.RepLoad;
import io.leadrouter.routing.RotationStandings;
import io.leadrouter.routing.RoutingRules;
import io.leadrouter.stats.ResponseStats;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepAbsenceRepository;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;
import io.leadrouter.team.WorkingHours;

/**
 * A rep's own panel ({@link RepPanel}), made of what the features that decide keep: caps and the
 * rotation counted by routing's own code ({@link RotationStandings}), response times by the
 * statistics ({@link ResponseStats}), conversions from the leads. Who may read which panel is
 * the controller's question ({@code lead/LeadAccess}). The manager's board ({@link TeamBoards})
 * shows the same figures per rep, made here: the person, absences, load and month.
 */
@Service
class RepPanels {

    private final RepRepository reps;
    private final TeamRepository teams;
    private final RepAbsenceRepository absences;
    private final RotationStandings standings;
    private final ResponseStats stats;
    private final ConvertedLeads converted;
    private final Clock clock;

    RepPanels(RepRepository reps, TeamRepository teams, RepAbsenceRepository absences, RotationStandings standings,
              ResponseStats stats, ConvertedLeads converted, Clock clock) {
        this.reps = reps;
        this.teams = teams;
        this.absences = absences;
        this.standings = standings;
        this.stats = stats;
        this.converted = converted;
        this.clock = clock;
    }

    /** The rep with that user id, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Rep> rep(String id) {
        return reps.findById(id);
    }

    /** The panel of the rep with that user id; empty when the user is no rep. */
    @Transactional(readOnly = true)
    public Optional<RepPanel> panel(String repId) {
        return reps.findById(repId).map(this::panel);
    }

    private RepPanel panel(Rep rep) {
        Instant now = clock.instant();
        WorkingHours hours = rep.workingHours();
        RotationStandings.Standing standing = standings.of(rep);
        return new RepPanel(
                person(rep),
                now,
                new RepPanel.Hours(hours.zone().getId(), hours.days().stream().sorted()
                        .map(day -> day.name().substring(0, 3)).toList(), rep.getWorkStart(), rep.getWorkEnd(),
                        hours.isWorkingAt(now), hours.localTime(now)),
                absences(rep, now),
                load(standing.load()),
                rotation(standing),
                month(rep, now));
    }

    /** The rep as a panel or board names them. */
    RepPanel.Person person(Rep rep) {
        return new RepPanel.Person(rep.getId(), rep.getName(), rep.getTeamId(),
                teams.findById(rep.getTeamId()).map(Team::getName).orElse(rep.getTeamId()), rep.isAvailable(),
                rep.isActive());
    }

    /** The rep's current and planned absences, the current one first. */
    List<RepPanel.Absence> absences(Rep rep, Instant now) {
        return absences.findByRepIdAndEndsAtAfterOrderByStartsAt(rep.getId(), now).stream()
                .map(a -> new RepPanel.Absence(a.getId(), a.getStartsAt(), a.getEndsAt(), a.getReason(),
                        !a.getStartsAt().isAfter(now)))
                .toList();
    }

    /**
     * Why the rep takes no leads now, and until when: out of office (until the absence ends),
     * marked away (until they mark themselves back: no end), or set inactive by sales ops; null
     * while they take leads.
     */
    static RepPanel.Away away(Rep rep, List<RepPanel.Absence> absences) {
        if (!rep.isActive()) {
            return new RepPanel.Away(RepPanel.Away.INACTIVE, null, "set inactive by sales ops");
        }
        var current = absences.stream().filter(RepPanel.Absence::current)
                .max(Comparator.comparing(RepPanel.Absence::endsAt));
        if (current.isPresent()) {
            return new RepPanel.Away(RepPanel.Away.ABSENT, current.get().endsAt(), current.get().reason());
        }
        return rep.isAvailable() ? null : new RepPanel.Away(RepPanel.Away.MARKED_AWAY, null, "marked away");
    }

    /** The rep's leads against their caps, without their place in the rotation. */
    RepPanel.Load load(Rep rep) {
        return load(standings.loadOf(rep));
    }

    private static RepPanel.Load load(RepLoad load) {
        return new RepPanel.Load(new RepPanel.Count(load.openLeads(), load.maxOpen(), null),
                new RepPanel.Count(load.givenToday(), load.dailyCap(), load.dayStart()),
                new RepPanel.Count(load.givenThisWeek(), load.weeklyCap(), load.weekStart()));
    }

    /** This month in the rep's time zone: response SLA met and conversions. */
    RepPanel.Month month(Rep rep, Instant now) {
        ZoneId zone = rep.workingHours().zone();
        var firstDay = now.atZone(zone).toLocalDate().withDayOfMonth(1);
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant until = firstDay.plusMonths(1).atStartOfDay(zone).toInstant();
        ResponseStats.Totals sla = stats.ofRep(rep.getId(), from, until);
        return new RepPanel.Month(from, sla.slaMet(), sla.slaBreached(), sla.open(), sla.slaMetRate(),
                converted.countClosed(rep.getId(), LeadOutcome.CONVERTED, from, until));
    }

    private static RepPanel.Rotation rotation(RotationStandings.Standing standing) {
        List<RoutingRules.TeamRoute> routes = standing.routes();
        List<String> roundRobinRules = rulesUsing(routes, RotationStandings.ROUND_ROBIN);
        List<String> weightedRules = rulesUsing(routes, RotationStandings.WEIGHTED_ROUND_ROBIN);
        RepPanel.Place roundRobin = new RepPanel.Place(standing.roundRobinPlace(), roundRobinRules,
                RotationWords.roundRobin(standing));
        RepPanel.Share weighted = new RepPanel.Share(standing.weight(), standing.eligibleWeight(),
                standing.weightedPlace(), weightedRules, RotationWords.weighted(standing));
        Exclusion skipped = standing.skipped();
        boolean weightedOnly = roundRobinRules.isEmpty() && !weightedRules.isEmpty();
        return new RepPanel.Rotation(RotationWords.headline(standing, weightedOnly),
                skipped == null ? null : new RepPanel.Skipped(skipped.kind().name(), skipped.reason()),
                standing.inWorkingHours(), standing.teamReps(), standing.eligibleReps(), standing.colleaguesSkipped(),
                roundRobin, weighted,
                routes.stream().map(route -> new RepPanel.Route(route.strategies(), route.rules())).toList());
    }

    private static List<String> rulesUsing(List<RoutingRules.TeamRoute> routes, String strategy) {
        return routes.stream().filter(route -> route.strategies().contains(strategy))
                .flatMap(route -> route.rules().stream()).toList();
    }
}
