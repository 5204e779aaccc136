package io.leadrouter.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Bulk CSV imports ({@code POST /api/imports}): the upload is streamed to a file under the data
 * dir (never held in memory), recorded in {@code lead_imports}, and fed in by the
 * {@link ImportWorker} at a bounded rate, resumable after a crash.
 */
@Service
public class BulkImports {

    private final LeadImports imports;
    private final ImportWorker worker;
    private final Path directory;
    private final Clock clock;

    BulkImports(LeadImports imports, ImportWorker worker, @Value("${leadrouter.data-dir}") String dataDir, Clock clock) {
        this.imports = imports;
        this.worker = worker;
        this.directory = Path.of(dataDir, "imports");
        this.clock = clock;
    }

    /** What {@code GET /api/imports/{id}} shows; {@code waiting} while paused by backpressure. */
    public record Status(String id, String state, long rowsRead, long created, long existing, long rejected,
                         List<LeadCsvImport.RowError> errors, String failure, boolean waiting, String submittedBy,
                         Instant submittedAt, Instant updatedAt, Instant finishedAt) {
    }

    /** Stores the CSV and queues its import; returns at once. */
    public Status submit(InputStream csv, String submittedBy) throws IOException {
        String id = UUID.randomUUID().toString();
        Files.createDirectories(directory);
        Path file = directory.resolve(id + ".csv");
        Path partial = directory.resolve(id + ".csv.part");
        Files.copy(csv, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        imports.create(id, file.getFileName().toString(), submittedBy, clock.instant());
        worker.enqueue(id);
        return status(id).orElseThrow();
    }

    public Optional<Status> status(String id) {
        return imports.find(id).map(stored -> new Status(stored.id(), stored.state().name(), stored.rowsRead(),
                stored.created(), stored.existing(), stored.rejected(), stored.errors(), stored.failure(),
                worker.isWaiting(id), stored.submittedBy(), stored.submittedAt(), stored.updatedAt(),
                stored.finishedAt()));
    }

    Path file(String fileName) {
        return directory.resolve(fileName);
    }
}
