package io.leadrouter.lead;

import java.sql.Connection;

import org.h2.api.Trigger;

/**
 * The class H2 migration V14 names for the open-lead trigger, kept so that V14 still runs on a new
 * database and an older database still opens (an applied migration cannot change: Flyway checks
 * its checksum). It does nothing: the count moved to routing's {@code rep_rotation}, and V19_1
 * replaces this trigger with {@code io.leadrouter.routing.OpenLeadCountTrigger} before the app
 * writes a lead (Flyway migrates before the engine starts).
 */
public final class OpenLeadCountTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        // replaced by routing's trigger in V19_1
    }
}
