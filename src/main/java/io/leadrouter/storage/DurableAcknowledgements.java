package io.leadrouter.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A lead the API acknowledged must survive a crash. PostgreSQL makes a commit durable before it
 * returns; the embedded H2 file database does not: it writes committed changes to its file in
 * the background, every {@code WRITE_DELAY} (500 ms), and a JVM killed in between lost leads it
 * had answered 201 for (10 of 60 in a test: post, {@code kill -9}, restart).
 *
 * <p>On an H2 file database the intake therefore waits, after its commit and before answering,
 * until H2 has written that commit to the file ({@code CHECKPOINT}). Waiting requests share one
 * checkpoint (group commit): a checkpoint covers every commit made before it started, so under
 * load one write answers many leads. Writing on every commit instead ({@code WRITE_DELAY=0})
 * cost a third of the routing throughput (BENCHMARKS.md). Elsewhere this does nothing.
 */
@Component
public class DurableAcknowledgements implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DurableAcknowledgements.class);

    private final DataSource dataSource;
    private final boolean needed;
    private final Object lock = new Object();
    private long requested;
    private long written;
    private SQLException lastFailure;
    private Thread writer;

    DurableAcknowledgements(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.needed = connection.getMetaData().getURL().startsWith("jdbc:h2:file:");
        }
    }

    /**
     * Returns once everything this thread committed before the call is in the database file
     * (H2 file database), at once elsewhere.
     *
     * @throws IllegalStateException when H2 could not write for {@value #TIMEOUT_MS} ms (the caller
     *                               answers 5xx; the lead is committed, and a retry with its
     *                               externalId finds it)
     */
    public void awaitWritten() {
        if (!needed) {
            return;
        }
        synchronized (lock) {
            long ticket = ++requested;
            startWriter();
            lock.notifyAll();
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (written < ticket) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("The database has not written the lead to its file for "
                            + TIMEOUT_MS / 1000 + " s" + (lastFailure == null ? "" : ": " + lastFailure.getMessage()));
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the lead was being written", interrupted);
                }
            }
        }
    }

    static final long TIMEOUT_MS = 30_000;

    private void startWriter() {
        if (writer == null) {
            writer = new Thread(this::writeLoop, "lead-durability");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** One checkpoint at a time, covering every request made before it started; retried until it succeeds. */
    private void writeLoop() {
        while (true) {
            long target;
            synchronized (lock) {
                while (requested == written) {
                    try {
                        lock.wait();
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
                target = requested;
            }
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
                synchronized (lock) {
                    lastFailure = null;
                    written = target;
                    lock.notifyAll();
                }
            } catch (SQLException failed) {
                log.error("H2 could not write committed leads to its file; trying again", failed);
                synchronized (lock) {
                    lastFailure = failed;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            if (writer != null) {
                writer.interrupt();
            }
        }
    }
}
