package io.leadrouter.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Where an H2 trigger finds each column of its table in the rows it is given. */
final class TriggerColumns {

    private final String table;
    private final Map<String, Integer> indexByName;

    private TriggerColumns(String table, Map<String, Integer> indexByName) {
        this.table = table;
        this.indexByName = indexByName;
    }

    static TriggerColumns of(Connection connection, String schema, String table) throws SQLException {
        Map<String, Integer> indexByName = new HashMap<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                indexByName.put(columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                        columns.getInt("ORDINAL_POSITION") - 1);
            }
        }
        return new TriggerColumns(table, indexByName);
    }

    /** The position of the column in a row; a table without it cannot have this trigger. */
    int index(String column) throws SQLException {
        Integer index = indexByName.get(column);
        if (index == null) {
            throw new SQLException("Table " + table + " has no column " + column + " for the trigger to read");
        }
        return index;
    }
}
