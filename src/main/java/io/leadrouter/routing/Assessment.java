package io.leadrouter.routing;

import io.leadrouter.team.Rep;

/**
 * One rep as a candidate for a lead: left out (with the {@link Exclusion}) or eligible, whether
 * they are within working hours.
 */
public record Assessment(Rep rep, Exclusion exclusion, boolean inWorkingHours) {

    public boolean eligible() {
        return exclusion == null;
    }

    Assessment exclude(Exclusion why) {
        return new Assessment(rep, why, inWorkingHours);
    }
}
