package io.leadrouter.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

import org.h2.api.Trigger;

/**
 * H2's side of the rotation rows of reps (migration V19): a new rep gets its
 * {@code rep_rotation} row, and a change of the settings routing filters and pages by (team,
 * active and available, seniority, open-lead cap) is copied onto it. PostgreSQL does the same in
 * PL/pgSQL. Runs inside the statement's transaction, whichever code path changed the rep.
 */
public class RepRotationTrigger implements Trigger {

    private int[] copied;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        TriggerColumns columns = TriggerColumns.of(connection, schema, table);
        copied = new int[] {columns.index("ID"), columns.index("TEAM_ID"), columns.index("ACTIVE"),
                columns.index("AVAILABLE"), columns.index("SENIORITY"), columns.index("MAX_OPEN")};
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] now = copied(newRow);
        if (oldRow == null) {
            write(connection, "insert into rep_rotation (team_id, takes_leads, seniority, max_open, rep_id)"
                    + " values (?, ?, ?, ?, ?)", now);
        } else if (!Arrays.equals(copied(oldRow), now)) {
            write(connection, "update rep_rotation set team_id = ?, takes_leads = ?, seniority = ?, max_open = ?"
                    + " where rep_id = ?", now);
        }
    }

    /** The rep's values as rep_rotation holds them: team, takes leads, seniority, cap, id. */
    private Object[] copied(Object[] row) {
        return new Object[] {row[copied[1]], (Boolean) row[copied[2]] && (Boolean) row[copied[3]], row[copied[4]],
                row[copied[5]], row[copied[0]]};
    }

    private static void write(Connection connection, String sql, Object[] values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
