package io.leadrouter.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.h2.api.Trigger;

/**
 * H2's side of the open-lead count (migration V13/V14): after every insert, update or delete of
 * a lead, moves one from the old owner's {@code reps.open_leads} to the new owner's when the
 * lead's open owner changed (open: {@link LeadStatus#AWAITING_REP}). PostgreSQL does the same in
 * PL/pgSQL, with the statuses spelled out ({@code OpenLeadDefinitionTest} keeps them equal). Runs
 * inside the statement's transaction, so the count commits or rolls back with the lead.
 */
public class OpenLeadCountTrigger implements Trigger {

    private static final Set<String> OPEN = LeadStatus.AWAITING_REP.stream().map(LeadStatus::name)
            .collect(Collectors.toUnmodifiableSet());

    private int ownerColumn = -1;
    private int statusColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                if ("OWNER_ID".equalsIgnoreCase(name)) {
                    ownerColumn = index;
                } else if ("STATUS".equalsIgnoreCase(name)) {
                    statusColumn = index;
                }
            }
        }
        if (ownerColumn < 0 || statusColumn < 0) {
            throw new SQLException("Table " + table + " has no OWNER_ID and STATUS columns to count open leads by");
        }
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
                "update reps set open_leads = open_leads + ? where id = ?")) {
            update.setInt(1, delta);
            update.setString(2, rep);
            update.executeUpdate();
        }
    }
}
