package io.leadrouter.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.h2.api.Trigger;

import io.leadrouter.lead.LeadStatus;

/**
 * H2's side of the open-lead count (migrations V13, V19): after every insert, update or delete of
 * a lead, moves one from the old owner's {@code rep_rotation.open_leads} to the new owner's when
 * the lead's open owner changed (open: {@link LeadStatus#AWAITING_REP}). PostgreSQL does the same
 * in PL/pgSQL, with the statuses spelled out ({@code OpenLeadDefinitionTest} keeps them equal).
 * Runs inside the statement's transaction, so the count commits or rolls back with the lead.
 * Routing keeps this count of its own from the leads: capacity routing pages reps by it.
 */
public class OpenLeadCountTrigger implements Trigger {

    private static final Set<String> OPEN = LeadStatus.AWAITING_REP.stream().map(LeadStatus::name)
            .collect(Collectors.toUnmodifiableSet());

    private int ownerColumn = -1;
    private int statusColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        TriggerColumns columns = TriggerColumns.of(connection, schema, table);
        ownerColumn = columns.index("OWNER_ID");
        statusColumn = columns.index("STATUS");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        String wasOpen = openOwner(oldRow);
        String nowOpen = openOwner(newRow);
        if (Objects.equals(wasOpen, nowOpen)) {
            return;
        }
        if (wasOpen != null) {
            add(connection, wasOpen, -1);
        }
        if (nowOpen != null) {
            add(connection, nowOpen, 1);
        }
    }

    private String openOwner(Object[] row) {
        return row != null && OPEN.contains(row[statusColumn]) ? (String) row[ownerColumn] : null;
    }

    private static void add(Connection connection, String rep, int delta) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update rep_rotation set open_leads = open_leads + ? where rep_id = ?")) {
            update.setInt(1, delta);
            update.setString(2, rep);
            update.executeUpdate();
        }
    }
}
