package io.leadrouter.routing;

import io.leadrouter.team.Rep;

/**
 * One rep as a candidate for a lead: left out (with the reason in words) or eligible, whether
 * they are within working hours.
 */
public record Assessment(Rep rep, String exclusion, boolean inWorkingHours) {

    public boolean eligible() {
        return exclusion == null;
    }

    Assessment exclude(String reason) {
        return new Assessment(rep, reason, inWorkingHours);
    }
}
