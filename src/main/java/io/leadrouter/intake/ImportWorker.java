package io.leadrouter.intake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.source.LeadSources;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.web.InvalidInputException;

/**
 * Runs bulk imports, one at a time, on a thread of its own. Rows are committed in chunks
 * together with the import's progress ({@code rows_read}), so after a crash or a stop the
 * import resumes at the first row not committed; a row without {@code externalId} gets
 * {@code import:<import id>:<line>}, so a row fed in twice finds its lead instead of creating
 * another. The worker keeps to {@code leadrouter.imports.rate} and pauses while the routing
 * backlog is at {@code backlog-share} of its limit: an import waits, it never fails on backpressure.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final int TRIES = 3;

    private final LeadImports imports;
    private final LeadCsvImport csv;
    private final LeadSources sources;
    private final LeadIntake intake;
    private final IntakeBacklog backlog;
    private final ImportProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Path directory;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile String waitingImport;

    ImportWorker(LeadImports imports, LeadCsvImport csv, LeadSources sources, LeadIntake intake,
                 IntakeBacklog backlog, ImportProperties properties, TransactionTemplate transaction, Clock clock,
                 @Value("${leadrouter.data-dir}") String dataDir) {
        this.imports = imports;
        this.csv = csv;
        this.sources = sources;
        this.intake = intake;
        this.backlog = backlog;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.directory = Path.of(dataDir, "imports");
    }

    void enqueue(String id) {
        queue.add(id);
    }

    boolean isWaiting(String id) {
        return id.equals(waitingImport);
    }

    /** Starts the worker and queues every import that was queued or running when the node stopped. */
    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        queue.clear();
        queue.addAll(imports.unfinished());
        thread = new Thread(this::work, "lead-import");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops at the next row: the chunk in progress rolls back (as in a crash) and the import
     * resumes from its last committed row at the next start.
     */
    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopping = true;
        try {
            running.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Starts after the engine and the database are up, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (!stopping) {
            String id;
            try {
                id = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (id != null) {
                run(id);
            }
        }
    }

    private void run(String id) {
        LeadImports.Stored stored = imports.find(id).orElse(null);
        if (stored == null || stored.state() == LeadImports.State.DONE || stored.state() == LeadImports.State.FAILED) {
            return;
        }
        imports.state(id, LeadImports.State.RUNNING, null, clock.instant());
        if (stored.rowsRead() > 0) {
            log.info("Import {}: resuming after row {}", id, stored.rowsRead());
        }
        Progress progress = new Progress(stored);
        Path file = directory.resolve(stored.fileName());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             LeadCsvRows rows = LeadCsvRows.read(reader)) {
            // the source's latest mapping at each (re)start: a mapping fixed and deployed again applies
            progress.mapping = sources.require(stored.sourceMapping());
            feed(id, rows, progress);
            if (stopping) {
                log.info("Import {}: stopped after row {}; it resumes at the next start", id, progress.rowsRead);
                return;
            }
            imports.state(id, LeadImports.State.DONE, null, clock.instant());
            BulkImports.remove(file); // its counts and row errors are in lead_imports
            log.info("Import {}: done, {} rows: {} created, {} existing, {} rejected", id, progress.rowsRead,
                    progress.created, progress.existing, progress.rejected);
        } catch (IOException | RuntimeException failure) {
            if (stopping) {
                return;
            }
            log.error("Import {} failed at row {}", id, progress.rowsRead + 1, failure);
            imports.state(id, LeadImports.State.FAILED, String.valueOf(failure.getMessage()), clock.instant());
            BulkImports.remove(file);
        } finally {
            waitingImport = null;
        }
    }

    /** The import's counts as committed. */
    private static final class Progress {
        long rowsRead;
        long created;
        long existing;
        long rejected;
        final List<LeadCsvImport.RowError> errors;
        /** Who submitted the import: its leads are theirs (lead/LeadAccess). */
        final String submittedBy;
        /** The mapping of the import's source, as deployed when the import (re)started. */
        SourceMapping mapping;

        Progress(LeadImports.Stored stored) {
            submittedBy = stored.submittedBy();
            rowsRead = stored.rowsRead();
            created = stored.created();
            existing = stored.existing();
            rejected = stored.rejected();
            errors = new ArrayList<>(stored.errors());
        }
    }

    private void feed(String id, LeadCsvRows rows, Progress progress) {
        long row = 0;
        long startedNanos = System.nanoTime();
        long fedHere = 0;
        List<LeadCsvRows.Row> chunk = new ArrayList<>();
        while (!stopping) {
            LeadCsvRows.Row next;
            try {
                next = rows.next();
                if (next == null) {
                    break;
                }
            } catch (LeadCsvRows.Unreadable unreadable) {
                commitChunk(id, chunk, progress);
                chunk.clear();
                rejectRest(id, progress, unreadable);
                return;
            }
            row++;
            if (row <= progress.rowsRead) {
                continue; // committed before a stop or crash
            }
            chunk.add(next);
            if (chunk.size() == properties.chunk()) {
                awaitRoom(id);
                pace(startedNanos, fedHere);
                commitChunk(id, chunk, progress);
                fedHere += chunk.size();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty() && !stopping) {
            awaitRoom(id);
            commitChunk(id, chunk, progress);
        }
    }

    /** Rows after an unreadable point cannot be imported: the import ends with that error. */
    private void rejectRest(String id, Progress progress, LeadCsvRows.Unreadable unreadable) {
        LeadCsvImport.RowError error = new LeadCsvImport.RowError((int) progress.rowsRead + 2,
                List.of(unreadable.error()));
        transaction.executeWithoutResult(status -> {
            if (progress.errors.size() < properties.maxErrors()) {
                progress.errors.add(error);
            }
            progress.rejected++;
            imports.progress(id, progress.rowsRead, 0, 0, 1, progress.errors, clock.instant());
        });
    }

    /** Waits while the backlog leaves no room for the import (live leads come first). */
    private void awaitRoom(String id) {
        while (!stopping && !backlog.below(properties.backlogShare())) {
            waitingImport = id;
            sleep(100);
        }
        waitingImport = null;
    }

    private void pace(long startedNanos, long fed) {
        if (properties.rate() <= 0) {
            return;
        }
        long due = startedNanos + (long) (fed * 1e9 / properties.rate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
            sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    /**
     * Stores the chunk's leads and the import's progress in one transaction. A chunk that fails
     * as a whole (a race on an externalId) is stored row by row; a technical failure is tried
     * again, and then fails the import, which keeps its committed rows.
     */
    private void commitChunk(String id, List<LeadCsvRows.Row> chunk, Progress progress) {
        if (chunk.isEmpty()) {
            return;
        }
        int committed = 0; // rows of this chunk committed one by one
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt == 1) {
                    commit(id, chunk, progress);
                } else {
                    for (; committed < chunk.size(); committed++) {
                        commit(id, chunk.subList(committed, committed + 1), progress);
                    }
                }
                return;
            } catch (StoppedException stopped) {
                return;
            } catch (RuntimeException failure) {
                if (attempt == TRIES || stopping) {
                    throw failure;
                }
                log.warn("Import {}: chunk after row {} failed ({}), trying again row by row", id, progress.rowsRead,
                        failure.toString());
                sleep(500L * attempt);
            }
        }
    }

    private void commit(String id, List<LeadCsvRows.Row> rows, Progress progress) {
        List<LeadCsvImport.RowError> errors = new ArrayList<>();
        int[] counts = new int[3]; // created, existing, rejected
        transaction.executeWithoutResult(status -> {
            long line = progress.rowsRead + 1;
            for (LeadCsvRows.Row row : rows) {
                if (stopping) {
                    throw new StoppedException(); // rolls back this chunk, as a crash would
                }
                line++;
                try {
                    if (intake.submit(csv.lead(row, progress.mapping, "import:" + id + ":" + line),
                            progress.mapping.id(), progress.submittedBy).created()) {
                        counts[0]++;
                    } else {
                        counts[1]++;
                    }
                } catch (InvalidInputException invalid) {
                    counts[2]++;
                    errors.add(new LeadCsvImport.RowError((int) line, invalid.errors()));
                }
            }
            List<LeadCsvImport.RowError> kept = new ArrayList<>(progress.errors);
            errors.stream().limit(Math.max(0, properties.maxErrors() - kept.size())).forEach(kept::add);
            imports.progress(id, progress.rowsRead + rows.size(), counts[0], counts[1], counts[2], kept,
                    clock.instant());
        });
        long before = progress.rowsRead;
        progress.rowsRead += rows.size();
        progress.created += counts[0];
        progress.existing += counts[1];
        progress.rejected += counts[2];
        errors.stream().limit(Math.max(0, properties.maxErrors() - progress.errors.size()))
                .forEach(progress.errors::add);
        if (progress.rowsRead / properties.logEvery() > before / properties.logEvery()) {
            log.info("Import {}: {} rows, {} created, {} existing, {} rejected", id, progress.rowsRead,
                    progress.created, progress.existing, progress.rejected);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown inside a chunk when the worker stops, so the chunk rolls back. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("import worker stopping", null, false, false);
        }
    }
}
