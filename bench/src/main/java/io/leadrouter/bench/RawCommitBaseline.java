package io.leadrouter.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's raw commit rate in this run: one-row insert + commit in a loop for N seconds,
 * from one connection. Commit latency drifts (PostgreSQL on these VMs up to 10× within an
 * hour), so the load's numbers are read against this baseline, measured in the same run.
 */
final class RawCommitBaseline {

    private RawCommitBaseline() {
    }

    record Result(long commits, double seconds) {

        double perSecond() {
            return commits / seconds;
        }

        @Override
        public String toString() {
            return String.format("%.0f commits/s (%d one-row insert+commit in %.1f s, one connection)", perSecond(),
                    commits, seconds);
        }
    }

    static Result measure(String jdbcUrl, int seconds, String tag) throws SQLException {
        String table = "bench_raw_commit_" + tag;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table " + table + " (id bigint primary key, payload varchar(100))");
            }
            connection.setAutoCommit(false);
            long commits = 0;
            long started = System.nanoTime();
            long until = started + seconds * 1_000_000_000L;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table + " (id, payload) values (?, ?)")) {
                while (System.nanoTime() < until) {
                    insert.setLong(1, commits);
                    insert.setString(2, "lead " + commits);
                    insert.executeUpdate();
                    connection.commit();
                    commits++;
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table " + table);
            }
            return new Result(commits, elapsed);
        }
    }
}
