package io.leadrouter.panel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rep's own panel in Tasklist shows, as {@code GET /api/me/panel} and
 * {@code GET /api/reps/{id}/panel} answer it: the rep, their working hours and absences, their
 * leads against their caps, where they stand in their team's rotation, and this month's
 * response SLA and conversions.
 */
public record RepPanel(Person rep, Instant now, Hours workingHours, List<Absence> absences, Load load,
                       Rotation rotation, Month thisMonth) {

    /** The rep: whether they take leads ({@code available}: not marked away; {@code active}: set by sales ops). */
    public record Person(String id, String name, String team, String teamName, boolean available, boolean active) {
    }

    /** Working days (MON, TUE, …) and hours in the rep's time zone; their local time now, and whether they work now. */
    public record Hours(String timeZone, List<String> days, String start, String end, boolean workingNow,
                        String localTime) {
    }

    /** A planned or current out-of-office period ({@code current}: it covers now). */
    public record Absence(String id, Instant startsAt, Instant endsAt, String reason, boolean current) {
    }

    /**
     * Why a rep takes no leads now: {@value #ABSENT} (out of office until {@code until}),
     * {@value #MARKED_AWAY} (until they mark themselves back: {@code until} is null) or
     * {@value #INACTIVE} (set by sales ops).
     */
    public record Away(String kind, Instant until, String reason) {
        public static final String ABSENT = "ABSENT";
        public static final String MARKED_AWAY = "MARKED_AWAY";
        public static final String INACTIVE = "INACTIVE";
    }

    /** A number of leads and the cap routing holds it against (null: no cap), counted from {@code since}. */
    public record Count(long count, Integer cap, Instant since) {
    }

    /** Open leads (given, waiting for the rep's first outcome), and leads given today and this week (from Monday). */
    public record Load(Count openLeads, Count today, Count thisWeek) {
    }

    /**
     * Where the rep stands if a lead of the team arrived now.
     *
     * @param headline          the standing in a few words: "You are 3rd in line", "You get 2 of every 7 leads",
     *                          "Routing skips you right now: marked unavailable"
     * @param skipped           why routing leaves the rep out now (null when it does not)
     * @param teamReps          reps in the team, the rep included
     * @param eligibleReps      reps who could get the next lead, the rep included unless skipped
     * @param colleaguesSkipped colleagues left out now, counted by reason
     * @param roundRobin        the rep's place under round-robin
     * @param weighted          the rep's share under weighted round-robin
     * @param routes            how the routing rules send the team's leads: strategies in order, and the rules
     */
    public record Rotation(String headline, Skipped skipped, boolean inWorkingHours, int teamReps, int eligibleReps,
                           Map<String, Long> colleaguesSkipped, Place roundRobin, Share weighted, List<Route> routes) {
    }

    /** Why routing leaves the rep out: the kind (UNAVAILABLE, ABSENT, OPEN_LEAD_CAP, …) and the reason in words. */
    public record Skipped(String kind, String reason) {
    }

    /** The place in round-robin's line (1: next; null: skipped), the rules using it, and the standing in one line. */
    public record Place(Integer place, List<String> usedBy, String says) {
    }

    /**
     * The share under weighted round-robin: {@code weight} of every {@code eligibleWeight} leads while the same reps
     * stay eligible; the place by turn (null: skipped), the rules that use it, and the standing in one line.
     */
    public record Share(int weight, long eligibleWeight, Integer place, List<String> usedBy, String says) {
    }

    /** One way the team gets leads: strategies tried in order, and the names of the rules that use them. */
    public record Route(List<String> strategies, List<String> rules) {
    }

    /**
     * This month in the rep's time zone, from {@code from}: response clocks started this month met, breached
     * and still running, the met rate (met / decided; null while none is decided), and leads the rep owns
     * that were converted (closed as CONVERTED) this month.
     */
    public record Month(Instant from, long slaMet, long slaBreached, long slaOpen, Double slaMetRate,
                        long conversions) {
    }

    /** The answer of {@code GET /api/me/panel}: the signed-in user, whether they are a rep, and their panel if so. */
    public record Mine(String user, boolean rep, RepPanel panel) {
    }
}
