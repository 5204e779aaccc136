package io.leadrouter.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import io.leadrouter.source.LeadSources;
import io.leadrouter.source.SourceMapping;

/**
 * Bulk CSV imports ({@code POST /api/imports}): the upload is streamed to a file under the data
 * dir (never held in memory), recorded in {@code lead_imports}, and fed in by the
 * {@link ImportWorker} at a bounded rate, resumable after a crash.
 *
 * <p>Files live only as long as they are needed: an upload that fails (aborted, over the
 * {@code leadrouter.limits.bulk-import} limit, not UTF-8) leaves no file, and the worker removes
 * an import's file when the import is done or failed (its counts and row errors stay in
 * {@code lead_imports}). Files left by a crash are removed at the next start.
 */
@Service
public class BulkImports {

    private static final Logger log = LoggerFactory.getLogger(BulkImports.class);
    private static final String PARTIAL = ".csv.part";
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    private final LeadImports imports;
    private final LeadSources sources;
    private final ImportWorker worker;
    private final Path directory;
    private final Clock clock;

    BulkImports(LeadImports imports, LeadSources sources, ImportWorker worker,
                @Value("${leadrouter.data-dir}") String dataDir, Clock clock) {
        this.imports = imports;
        this.sources = sources;
        this.worker = worker;
        this.directory = Path.of(dataDir, "imports");
        this.clock = clock;
    }

    /**
     * What {@code GET /api/imports/{id}} shows; {@code waiting} while paused by backpressure,
     * {@code sourceMapping} the source whose mapping reads the rows.
     */
    public record Status(String id, String state, String sourceMapping, long rowsRead, long created, long existing,
                         long rejected, List<LeadCsvImport.RowError> errors, String failure, boolean waiting,
                         String submittedBy, Instant submittedAt, Instant updatedAt, Instant finishedAt) {
    }

    /**
     * Stores the CSV and queues its import, its rows to be read through the source's mapping
     * ({@link SourceMapping#DEFAULT} when {@code sourceId} is null); returns at once. An unknown
     * source or a broken mapping is refused before anything is stored.
     */
    public Status submit(InputStream csv, String sourceId, String submittedBy) throws IOException {
        String source = sources.require(sourceId == null ? SourceMapping.DEFAULT : sourceId).id();
        String id = UUID.randomUUID().toString();
        Files.createDirectories(directory);
        Path file = directory.resolve(id + ".csv");
        Path partial = directory.resolve(id + PARTIAL);
        try {
            Files.copy(csv, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            imports.create(id, file.getFileName().toString(), source, submittedBy, clock.instant());
        } catch (IOException | RuntimeException failed) {
            remove(partial);
            remove(file);
            throw failed;
        }
        worker.enqueue(id);
        return status(id).orElseThrow();
    }

    public Optional<Status> status(String id) {
        return imports.find(id).map(stored -> new Status(stored.id(), stored.state().name(),
                stored.sourceMapping(), stored.rowsRead(),
                stored.created(), stored.existing(), stored.rejected(), stored.errors(), stored.failure(),
                worker.isWaiting(id), stored.submittedBy(), stored.submittedAt(), stored.updatedAt(),
                stored.finishedAt()));
    }

    Path file(String fileName) {
        return directory.resolve(fileName);
    }

    /**
     * Removes what a crash left behind: partial uploads and the files of imports that finished
     * or were never recorded, once untouched for {@link #LEFTOVER_AGE} (an upload in progress
     * writes to its file all the time; one just finished is recorded within milliseconds).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void removeLeftovers() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Set<String> unfinished = imports.unfinished().stream()
                .map(imports::find)
                .flatMap(Optional::stream)
                .map(LeadImports.Stored::fileName)
                .collect(Collectors.toSet());
        Instant untouchedSince = Instant.now().minus(LEFTOVER_AGE); // file times are wall-clock times
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(path -> !unfinished.contains(path.getFileName().toString()))
                    .filter(path -> lastModified(path).isBefore(untouchedSince))
                    .forEach(BulkImports::remove);
        } catch (IOException unreadable) {
            log.warn("Could not list {} to remove leftover uploads", directory, unreadable);
        }
    }

    private static Instant lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException gone) {
            return Instant.MAX;
        }
    }

    static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stuck) {
            log.warn("Could not remove {}", file, stuck);
        }
    }
}
