package io.leadrouter.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.stereotype.Component;

/**
 * On a production database ({@code camunda.bpm.database.schema-update=false}) the engine does not
 * touch its schema: Camunda's Liquibase changelog creates and upgrades it before the engine starts
 * (see {@code db/camunda/changelog.xml}), or an operator runs Camunda's SQL scripts by hand. This
 * check runs just before the engine uses the schema and refuses to start, naming what to do,
 * when the tables are missing or older than the engine (a database not yet upgraded).
 */
@Component
class CamundaSchemaCheck extends AbstractProcessEnginePlugin {

    static final String UPGRADE_SCRIPTS = "org/camunda/bpm/engine/db/upgrade/<database>_engine_<from>_to_<to>.sql";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE.equals(configuration.getDatabaseSchemaUpdate())) {
            check(configuration.getDataSource(), configuration.getDatabaseTablePrefix(),
                    ProductPropertiesUtil.getProductVersion());
        }
    }

    /** Throws unless the schema behind {@code dataSource} is at least of the engine's minor version. */
    static void check(DataSource dataSource, String tablePrefix, String engineVersion) {
        Optional<String> schemaVersion = schemaVersion(dataSource, tablePrefix == null ? "" : tablePrefix);
        if (schemaVersion.isEmpty()) {
            throw new IllegalStateException("Camunda's tables are missing from the database and "
                    + "camunda.bpm.database.schema-update is false. Let Liquibase create them (spring.liquibase.enabled=true, "
                    + "the postgres profile's default) or run Camunda's create scripts "
                    + "org/camunda/bpm/engine/db/create/<database>.create.*.sql from the camunda-engine "
                    + engineVersion + " jar.");
        }
        if (compare(minor(schemaVersion.get()), minor(engineVersion)) < 0) {
            throw new IllegalStateException("Camunda's database schema is version " + schemaVersion.get()
                    + " (ACT_GE_SCHEMA_LOG) but the engine is " + engineVersion + ": upgrade the schema first. "
                    + "Back the database up, then run the upgrade scripts " + UPGRADE_SCRIPTS + " from the "
                    + "camunda-engine " + engineVersion + " jar one minor version after the other, from "
                    + minor(schemaVersion.get()) + " to " + minor(engineVersion) + " (or let Liquibase do it, if "
                    + "it created the schema).");
        }
    }

    /** The newest version in the schema log, or empty when Camunda's tables are not there. */
    static Optional<String> schemaVersion(DataSource dataSource, String tablePrefix) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            if (!tableExists(connection, tablePrefix + "ACT_GE_SCHEMA_LOG")) {
                return Optional.empty();
            }
            List<String> versions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select VERSION_ from " + tablePrefix + "ACT_GE_SCHEMA_LOG")) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
            return versions.stream().max(Comparator.comparing(CamundaSchemaCheck::parts, CamundaSchemaCheck::compare));
        } catch (SQLException unreadable) {
            throw new IllegalStateException("Cannot read Camunda's schema version: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        String name = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
        for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String minor(String version) {
        int[] parts = parts(version);
        return parts[0] + "." + parts[1];
    }

    private static int compare(String a, String b) {
        return compare(parts(a), parts(b));
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** "7.24.0" → [7, 24, 0]; a suffix such as "-ee" or "-SNAPSHOT" is ignored. */
    private static int[] parts(String version) {
        String[] numbers = version.trim().split("[.-]");
        List<Integer> parts = new ArrayList<>();
        for (String number : numbers) {
            if (!number.matches("\\d+")) {
                break;
            }
            parts.add(Integer.parseInt(number));
        }
        while (parts.size() < 2) {
            parts.add(0);
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }
}
