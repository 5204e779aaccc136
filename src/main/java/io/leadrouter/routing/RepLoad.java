package io.leadrouter.routing;

import java.time.Instant;

/**
 * A rep's leads as routing's caps count them ({@link CandidatePool}): open leads (given, waiting
 * for the rep's first outcome) against the open-lead cap, and leads given since the start of the
 * rep's local day and week (from Monday) against the daily and weekly caps. A null cap is no cap.
 */
public record RepLoad(long openLeads, Integer maxOpen, long givenToday, Integer dailyCap, Instant dayStart,
                      long givenThisWeek, Integer weeklyCap, Instant weekStart) {
}
