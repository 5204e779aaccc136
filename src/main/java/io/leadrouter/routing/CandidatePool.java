package io.leadrouter.routing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadRepository;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepAbsence;
import io.leadrouter.team.RepAbsenceRepository;
import io.leadrouter.team.TeamRepository;

/**
 * Decides which reps may get a lead now, the same way for every strategy.
 *
 * <p>Left out, in this order: inactive reps; reps marked unavailable; reps out of office;
 * reps who had this lead before (reassignment); reps at their open-lead, daily or weekly cap.
 * Working hours are a preference, not an exclusion: while any eligible rep is within working
 * hours, reps outside theirs are left out; when nobody is working (night, weekend), the lead
 * still goes to a rep, whose response clock starts with their next working hour.
 *
 * <p>Assessing locks the teams of the reps first: the {@code teams} row of each, in team id
 * order ({@code TeamRepository.findByIdForUpdate}), held until the routing transaction ends. That
 * lock guards everything a decision reads and writes about the team: counts and caps read here,
 * and routing's rotation rows ({@link TeamRotation}, {@link RepRotation}), which are written only
 * under it. So a concurrent routing in the same team, on this node or another sharing the
 * database, waits for the team's lock and reads what this one wrote. Nothing else is locked
 * explicitly; rows written (the lead, the rotation rows) are locked by the database until commit.
 */
@Component
class CandidatePool {

    private final TeamRepository teams;
    private final RepAbsenceRepository absences;
    private final LeadRepository leads;
    private final RoutingDecisionRepository decisions;
    private final Clock clock;

    CandidatePool(TeamRepository teams, RepAbsenceRepository absences, LeadRepository leads,
                  RoutingDecisionRepository decisions, Clock clock) {
        this.teams = teams;
        this.absences = absences;
        this.leads = leads;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Locks the reps' teams and assesses each rep; {@code hadLeadBefore} are left out. */
    List<Assessment> assess(List<Rep> reps, Set<String> hadLeadBefore) {
        new TreeSet<>(reps.stream().map(Rep::getTeamId).toList()).forEach(teams::findByIdForUpdate);
        return assessLocked(reps, hadLeadBefore);
    }

    /**
     * Like {@link #assess}, for a caller that holds the lock of the reps' (one) team already, or
     * that only looks and writes nothing ({@link TeamCandidates#snapshot}).
     */
    List<Assessment> assessLocked(List<Rep> reps, Set<String> hadLeadBefore) {
        return preferWorking(assessEach(reps, hadLeadBefore));
    }

    /**
     * Each rep on their own (the caller holds their team's lock): the exclusions, without the
     * working-hours preference, which needs the whole group ({@link #preferWorking}).
     */
    List<Assessment> assessEach(List<Rep> reps, Set<String> hadLeadBefore) {
        if (reps.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> ids = reps.stream().map(Rep::getId).toList();
        // open leads are counted for the reps with an open-lead cap only: the count reads every
        // open lead of those reps, and nobody else is left out by it (capacity counts its own)
        Map<String, Long> open = openLeads(reps.stream().filter(r -> r.getMaxOpen() != null).toList());
        Map<String, RepAbsence> away = absences.findCovering(ids, now).stream()
                .collect(Collectors.toMap(RepAbsence::getRepId, a -> a, (a, b) -> a.getEndsAt().isAfter(b.getEndsAt()) ? a : b));
        Map<String, Long> today = givenSince(reps.stream().filter(r -> r.getDailyCap() != null).toList(), now, false);
        Map<String, Long> thisWeek = givenSince(reps.stream().filter(r -> r.getWeeklyCap() != null).toList(), now, true);

        List<Assessment> assessed = new ArrayList<>();
        for (Rep rep : reps) {
            long openLeads = open.getOrDefault(rep.getId(), 0L);
            boolean working = rep.workingHours().isWorkingAt(now);
            assessed.add(new Assessment(rep, exclusion(rep, openLeads, away.get(rep.getId()), hadLeadBefore,
                    today.getOrDefault(rep.getId(), 0L), thisWeek.getOrDefault(rep.getId(), 0L)), working));
        }
        return assessed;
    }

    /** While any eligible rep is within working hours, eligible reps outside theirs are left out. */
    static List<Assessment> preferWorking(List<Assessment> assessed) {
        boolean someoneWorking = assessed.stream().anyMatch(a -> a.eligible() && a.inWorkingHours());
        if (!someoneWorking) {
            return assessed;
        }
        return assessed.stream()
                .map(a -> a.eligible() && !a.inWorkingHours()
                        ? a.exclude(Exclusion.Kind.OUTSIDE_WORKING_HOURS.because("(" + a.rep().getWorkStart()
                                + "-" + a.rep().getWorkEnd() + " " + a.rep().getTimeZone()
                                + ") while colleagues are working"))
                        : a)
                .toList();
    }

    private static Exclusion exclusion(Rep rep, long openLeads, RepAbsence absence, Set<String> hadLeadBefore,
                                       long givenToday, long givenThisWeek) {
        if (!rep.isActive()) {
            return Exclusion.Kind.INACTIVE.plain();
        }
        if (!rep.isAvailable()) {
            return Exclusion.Kind.UNAVAILABLE.plain();
        }
        if (absence != null) {
            return Exclusion.Kind.ABSENT.because("until " + absence.getEndsAt()
                    + (absence.getReason() == null ? "" : " (" + absence.getReason() + ")"));
        }
        if (hadLeadBefore.contains(rep.getId())) {
            return Exclusion.Kind.HAD_LEAD_BEFORE.plain();
        }
        if (rep.getMaxOpen() != null && openLeads >= rep.getMaxOpen()) {
            return Exclusion.Kind.OPEN_LEAD_CAP.because("(" + openLeads + " of " + rep.getMaxOpen() + ")");
        }
        if (rep.getDailyCap() != null && givenToday >= rep.getDailyCap()) {
            return Exclusion.Kind.DAILY_CAP.because("(" + givenToday + " of " + rep.getDailyCap() + " today)");
        }
        if (rep.getWeeklyCap() != null && givenThisWeek >= rep.getWeeklyCap()) {
            return Exclusion.Kind.WEEKLY_CAP.because("(" + givenThisWeek + " of " + rep.getWeeklyCap()
                    + " this week)");
        }
        return null;
    }

    /** Open (assigned, not yet worked) leads of each of these reps; absent means none. */
    Map<String, Long> openLeads(List<Rep> reps) {
        return reps.isEmpty() ? Map.of() : counts(leads.countOpenByOwner(reps.stream().map(Rep::getId).toList()));
    }

    /**
     * The rep's leads as the caps count them, now: open leads (counted for every rep, capped or
     * not) and leads given since the start of the rep's local day and week.
     */
    RepLoad load(Rep rep) {
        Instant now = clock.instant();
        List<Rep> one = List.of(rep);
        return new RepLoad(openLeads(one).getOrDefault(rep.getId(), 0L), rep.getMaxOpen(),
                givenSince(one, now, false).getOrDefault(rep.getId(), 0L), rep.getDailyCap(), startOf(rep, now, false),
                givenSince(one, now, true).getOrDefault(rep.getId(), 0L), rep.getWeeklyCap(), startOf(rep, now, true));
    }

    /** Leads given to each rep since the start of their local day (or week, from Monday). */
    private Map<String, Long> givenSince(List<Rep> reps, Instant now, boolean week) {
        Map<Instant, List<String>> bySince = new HashMap<>();
        for (Rep rep : reps) {
            bySince.computeIfAbsent(startOf(rep, now, week), since -> new ArrayList<>()).add(rep.getId());
        }
        Map<String, Long> given = new HashMap<>();
        bySince.forEach((since, ids) -> given.putAll(counts(decisions.countGivenSince(ids, since))));
        return given;
    }

    /** The start of the rep's local day (or week, from Monday) that {@code now} is in: where the caps count from. */
    private static Instant startOf(Rep rep, Instant now, boolean week) {
        ZoneId zone = rep.workingHours().zone();
        var day = now.atZone(zone).toLocalDate();
        if (week) {
            day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return day.atStartOfDay(zone).toInstant();
    }

    static Map<String, Long> counts(Collection<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
