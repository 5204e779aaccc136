package io.leadrouter.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A PostgreSQL server with autovacuum off (this project's test servers run so) never updates a
 * fresh database's statistics: the planner goes on thinking every table is empty and reads
 * whole tables and indexes where one index entry would do (seen: every duplicate check scanned
 * all leads, every variable lookup every variable), and the run degrades by the minute. No
 * production server runs so. In its place the harness runs {@code VACUUM (ANALYZE)} on the
 * benchmark's database every 30 s, about what autovacuum does with its default settings under
 * this load, and says so in the report.
 */
final class AutovacuumStandIn implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    private AutovacuumStandIn(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the stand-in when the server behind {@code jdbcUrl} has autovacuum off; else does nothing. */
    static AutovacuumStandIn startIfNeeded(String jdbcUrl, Consumer<String> out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet autovacuum = statement.executeQuery("show autovacuum")) {
            autovacuum.next();
            if (!"off".equals(autovacuum.getString(1))) {
                out.accept("PostgreSQL autovacuum: on");
                return new AutovacuumStandIn(null);
            }
        }
        out.accept("PostgreSQL autovacuum: OFF on this server; the harness runs VACUUM (ANALYZE) on the "
                + "benchmark database every 30 s in its place (production servers keep autovacuum on)");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "autovacuum-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute("vacuum (analyze)");
            } catch (SQLException failed) {
                out.accept("  vacuum analyze failed: " + failed.getMessage());
            }
        }, 30, 30, TimeUnit.SECONDS);
        return new AutovacuumStandIn(scheduler);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
