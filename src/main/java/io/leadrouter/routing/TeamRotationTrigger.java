package io.leadrouter.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's side of the rotation rows of teams (migration V19): a new team gets its
 * {@code team_rotation} row. PostgreSQL does the same in PL/pgSQL.
 */
public class TeamRotationTrigger implements Trigger {

    private int idColumn = -1;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        idColumn = TriggerColumns.of(connection, schema, table).index("ID");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into team_rotation (team_id) values (?)")) {
            insert.setString(1, (String) newRow[idColumn]);
            insert.executeUpdate();
        }
    }
}
