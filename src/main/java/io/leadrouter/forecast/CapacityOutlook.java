package io.leadrouter.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity outlook of a team and its reps, week by week for the next {@value #WEEKS} weeks:
 * the leads expected to arrive and the open load expected, against the reps' caps.
 *
 * <ul>
 * <li>A week is seven days from the start of today (UTC); week 1 starts today.</li>
 * <li>Arrivals: the team's seasonal weekly volume ({@link SeasonalVolume}). A rep gets their share of
 * the team's recent arrivals, counted for the part of the week they are at work and shared out among
 * the reps at work that week (when no rep with a share is at work, the reps at work share equally).</li>
 * <li>At work: 1 minus the part of the week covered by the rep's planned absences; 0 for a rep set
 * inactive or marked away (no end is known).</li>
 * <li>Open load: the leads waiting for their rep's first outcome, what an open-lead cap counts
 * ({@code LeadStatus.AWAITING_REP}). A lead stays open an exponential time whose mean ({@link Closing})
 * comes from the team's history, so a week closes the share {@code q = 1 - e^(-1/T)} (T in weeks) of
 * the leads open at its start, and of the week's arrivals (spread over the week) the share
 * {@code T q} is still open at its end: load(w) = (1 - q) load(w - 1) + T q arrivals(w), load(0) =
 * the leads open now. The load of a week is the expected load at its end.</li>
 * <li>Caps: a rep's intake per week is the weekly cap, or the daily cap times their working days when
 * that is less, times their part of the week at work; the open-lead cap is a number of leads held and
 * counts whole. A team's caps are its reps' summed over the reps at work that week; a team with a rep
 * at work and without that cap has no limit of that kind (routing gives that rep the leads).</li>
 * <li>Headroom: cap minus expected arrivals, cap minus expected open load; a week runs out of headroom
 * when either is below 0.</li>
 * </ul>
 */
final class CapacityOutlook {

    static final int WEEKS = 12;
    private static final double DAY_SECONDS = 24 * 60 * 60;
    private static final double TOLERANCE = 1e-9;

    /** How long a lead of the team stayed open (days) and whether its first outcome came (else: open still). */
    record TimeOpen(double days, boolean responded) {

        static TimeOpen between(Instant assigned, Instant respondedAt, Instant now) {
            Instant end = respondedAt != null ? respondedAt : now;
            double days = Math.max(0, Duration.between(assigned, end).toSeconds()) / DAY_SECONDS;
            return new TimeOpen(days, respondedAt != null);
        }
    }

    /**
     * How leads close, from the team's history: the mean time a lead stays open is the time open summed
     * over the history's leads (to their first outcome, or until now for those open still) over the
     * number of first outcomes, the exponential's estimate when some leads are open still. Without any
     * first outcome nothing is expected to close.
     *
     * @param firstOutcomes          first outcomes in the history
     * @param meanDaysOpen           T, in days; null without first outcomes
     * @param closedWithinWeek       q: the share of the leads open at a week's start closed by its end
     * @param arrivalsOpenAtWeekEnd  T q: the share of a week's arrivals open still at its end
     */
    record Closing(long firstOutcomes, Double meanDaysOpen, double closedWithinWeek, double arrivalsOpenAtWeekEnd) {

        static Closing of(List<TimeOpen> history) {
            long responded = history.stream().filter(TimeOpen::responded).count();
            if (responded == 0) {
                return new Closing(0, null, 0, 1);
            }
            double days = history.stream().mapToDouble(TimeOpen::days).sum() / responded;
            if (days <= 0) {
                return new Closing(responded, 0.0, 1, 0);
            }
            double weeks = days / 7;
            double closed = 1 - Math.exp(-1 / weeks);
            return new Closing(responded, days, closed, weeks * closed);
        }
    }

    /**
     * A rep as the outlook counts them.
     *
     * @param atWork      the part of each week (index 0: week 1) the rep takes leads
     * @param maxOpen     open-lead cap, null: none
     * @param weeklyIntake leads a week at most when at work all week, null: no cap
     */
    record Staff(String rep, long openLeads, double arrivalShare, Integer maxOpen, Integer weeklyIntake,
                 double[] atWork) {

        /** The weekly cap, or the daily cap times the working days when less; null without either. */
        static Integer weeklyIntake(Integer dailyCap, Integer weeklyCap, int workDays) {
            Integer daily = dailyCap == null ? null : dailyCap * workDays;
            if (daily == null) {
                return weeklyCap;
            }
            return weeklyCap == null ? daily : Math.min(daily, weeklyCap);
        }

        /** The part of each of the weeks from {@code firstDay} not covered by the absences. */
        static double[] atWork(boolean takesLeads, List<Instant[]> absences, LocalDate firstDay) {
            double[] atWork = new double[WEEKS];
            for (int w = 0; w < WEEKS; w++) {
                if (!takesLeads) {
                    continue;
                }
                Instant start = SeasonalVolume.startOf(firstDay.plusDays(7L * w));
                Instant end = SeasonalVolume.startOf(firstDay.plusDays(7L * (w + 1)));
                atWork[w] = 1 - covered(absences, start, end) / (7 * DAY_SECONDS);
            }
            return atWork;
        }

        /** Seconds of {@code [start, end)} that the periods cover, overlaps counted once. */
        private static double covered(List<Instant[]> periods, Instant start, Instant end) {
            List<Instant[]> inside = periods.stream()
                    .filter(p -> p[0].isBefore(end) && p[1].isAfter(start))
                    .map(p -> new Instant[] {p[0].isBefore(start) ? start : p[0], p[1].isAfter(end) ? end : p[1]})
                    .sorted(Comparator.comparing(p -> p[0]))
                    .toList();
            double seconds = 0;
            Instant reached = start;
            for (Instant[] period : inside) {
                Instant from = period[0].isAfter(reached) ? period[0] : reached;
                if (period[1].isAfter(from)) {
                    seconds += Duration.between(from, period[1]).toSeconds();
                    reached = period[1];
                }
            }
            return seconds;
        }
    }

    /**
     * One week of the outlook.
     *
     * @param atWork         reps at work (a rep absent half the week counts 0.5)
     * @param arrivals       new leads expected
     * @param intakeCap      leads the caps let in this week; null: no limit
     * @param intakeHeadroom intake cap minus arrivals; null: no limit
     * @param openLoad       leads expected open (waiting for a first outcome) at the week's end
     * @param openCap        open-lead cap; null: no limit
     * @param openHeadroom   open-lead cap minus open load; null: no limit
     * @param headroom       whether neither headroom is below 0
     */
    record Week(int week, LocalDate from, double atWork, double arrivals, Double intakeCap, Double intakeHeadroom,
                double openLoad, Double openCap, Double openHeadroom, boolean headroom) {
    }

    /** A rep's outlook: their caps, the weeks, and the first week without headroom (null: none). */
    record RepOutlook(long openLeads, Integer maxOpen, Integer weeklyIntakeCap, Integer runsOutInWeek, String summary,
                      List<Week> weeks) {
    }

    /** A team's outlook, with the closing it assumed. */
    record TeamOutlook(long openLeads, Closing closing, Integer runsOutInWeek, String summary, List<Week> weeks) {
    }

    record Result(TeamOutlook team, Map<String, RepOutlook> reps) {
    }

    private CapacityOutlook() {
    }

    /**
     * The outlook of a team whose seasonal volume is {@code weeklyArrivals} a week, with
     * {@code openLeads} open now, of the staff, from {@code firstDay} (today).
     */
    static Result of(String team, double weeklyArrivals, long openLeads, Closing closing, List<Staff> staff,
                     LocalDate firstDay) {
        double[][] repArrivals = new double[staff.size()][WEEKS];
        for (int w = 0; w < WEEKS; w++) {
            double byShare = 0;
            double atWork = 0;
            for (Staff rep : staff) {
                byShare += rep.arrivalShare() * rep.atWork()[w];
                atWork += rep.atWork()[w];
            }
            for (int r = 0; r < staff.size(); r++) {
                Staff rep = staff.get(r);
                repArrivals[r][w] = byShare > 0 ? weeklyArrivals * rep.arrivalShare() * rep.atWork()[w] / byShare
                        : atWork > 0 ? weeklyArrivals * rep.atWork()[w] / atWork : 0;
            }
        }

        List<Week> teamWeeks = new ArrayList<>();
        double load = openLeads;
        for (int w = 0; w < WEEKS; w++) {
            load = next(load, weeklyArrivals, closing);
            double atWork = 0;
            Double intakeCap = 0.0;
            Double openCap = 0.0;
            for (Staff rep : staff) {
                double part = rep.atWork()[w];
                if (part <= 0) {
                    continue;
                }
                atWork += part;
                intakeCap = rep.weeklyIntake() == null || intakeCap == null ? null
                        : intakeCap + rep.weeklyIntake() * part;
                openCap = rep.maxOpen() == null || openCap == null ? null : openCap + rep.maxOpen();
            }
            teamWeeks.add(week(w, firstDay, atWork, weeklyArrivals, intakeCap, load, openCap));
        }
        Integer teamRunsOut = runsOut(teamWeeks);
        TeamOutlook teamOutlook = new TeamOutlook(openLeads, closing, teamRunsOut,
                summary(team, teamRunsOut, teamWeeks), teamWeeks);

        Map<String, RepOutlook> reps = new LinkedHashMap<>();
        for (int r = 0; r < staff.size(); r++) {
            Staff rep = staff.get(r);
            List<Week> weeks = new ArrayList<>();
            double repLoad = rep.openLeads();
            for (int w = 0; w < WEEKS; w++) {
                repLoad = next(repLoad, repArrivals[r][w], closing);
                double part = rep.atWork()[w];
                weeks.add(week(w, firstDay, part, repArrivals[r][w],
                        rep.weeklyIntake() == null ? null : rep.weeklyIntake() * part, repLoad,
                        rep.maxOpen() == null ? null : rep.maxOpen().doubleValue()));
            }
            Integer runsOut = runsOut(weeks);
            reps.put(rep.rep(), new RepOutlook(rep.openLeads(), rep.maxOpen(), rep.weeklyIntake(), runsOut,
                    summary(rep.rep(), runsOut, weeks), weeks));
        }
        return new Result(teamOutlook, reps);
    }

    /** The expected open load at the end of a week, from that at its start and the week's arrivals. */
    static double next(double load, double arrivals, Closing closing) {
        return (1 - closing.closedWithinWeek()) * load + closing.arrivalsOpenAtWeekEnd() * arrivals;
    }

    private static Week week(int w, LocalDate firstDay, double atWork, double arrivals, Double intakeCap, double load,
                             Double openCap) {
        Double intakeHeadroom = intakeCap == null ? null : intakeCap - arrivals;
        Double openHeadroom = openCap == null ? null : openCap - load;
        boolean headroom = (intakeHeadroom == null || intakeHeadroom > -TOLERANCE)
                && (openHeadroom == null || openHeadroom > -TOLERANCE);
        return new Week(w + 1, firstDay.plusDays(7L * w), atWork, arrivals, intakeCap, intakeHeadroom, load, openCap,
                openHeadroom, headroom);
    }

    private static Integer runsOut(List<Week> weeks) {
        return weeks.stream().filter(week -> !week.headroom()).map(Week::week).findFirst().orElse(null);
    }

    /**
     * "east runs out of headroom in week 3: 30.0 new leads expected, caps let in 28.0", or "east keeps
     * headroom for 12 weeks".
     */
    static String summary(String who, Integer runsOutInWeek, List<Week> weeks) {
        if (runsOutInWeek == null) {
            return who + " keeps headroom for " + WEEKS + " weeks";
        }
        Week week = weeks.get(runsOutInWeek - 1);
        String why = week.intakeHeadroom() != null && week.intakeHeadroom() <= -TOLERANCE
                ? String.format(Locale.ROOT, "%.1f new leads expected, caps let in %.1f", week.arrivals(),
                        week.intakeCap())
                : String.format(Locale.ROOT, "%.1f leads expected open, open-lead caps hold %.0f", week.openLoad(),
                        week.openCap());
        return who + " runs out of headroom in week " + runsOutInWeek + ": " + why;
    }
}
