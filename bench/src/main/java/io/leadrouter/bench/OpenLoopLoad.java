package io.leadrouter.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: leads are sent at fixed intervals from one scheduler thread, whatever the
 * answers; a slow answer never delays the next lead (no coordinated omission). Intake latency is
 * measured from the moment a lead was due to be sent, so a stalled sender counts too.
 */
final class OpenLoopLoad {

    /** A phase of the load: name, leads per second, seconds. */
    record Phase(String name, double rate, int seconds) {
    }

    /** What one phase saw. Latencies in microseconds. */
    static final class PhaseStats {
        final Phase phase;
        final Histogram intake = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final AtomicLong sent = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong existing = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile long startedNanos;
        volatile long endedNanos;

        PhaseStats(Phase phase) {
            this.phase = phase;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String authorization;
    private final Supplier<LeadSource.Post> leads;
    /** lead id -> phase name, for every lead the app accepted (201). */
    final Map<String, String> acceptedIds = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong totalCreated = new AtomicLong();
    final AtomicLong totalRejected = new AtomicLong();
    volatile String currentPhase = "starting";

    OpenLoopLoad(String url, String user, String password, Supplier<LeadSource.Post> leads) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.leads = leads;
    }

    HttpClient client() {
        return client;
    }

    String authorization() {
        return authorization;
    }

    /** Runs the phases one after another; returns when the last lead was sent (answers may be pending). */
    void run(List<PhaseStats> phases) {
        for (PhaseStats stats : phases) {
            currentPhase = stats.phase.name();
            long period = (long) (1e9 / stats.phase.rate());
            long start = System.nanoTime();
            long end = start + stats.phase.seconds() * 1_000_000_000L;
            stats.startedNanos = start;
            for (long i = 0; ; i++) {
                long due = start + i * period;
                if (due >= end) {
                    break;
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(stats, leads.get(), due);
            }
            stats.endedNanos = System.nanoTime();
        }
    }

    private void send(PhaseStats stats, LeadSource.Post lead, long due) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + lead.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead.json()))
                .build();
        stats.sent.incrementAndGet();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long micros = (System.nanoTime() - due) / 1_000;
            stats.intake.recordValue(Math.min(micros, stats.intake.getHighestTrackableValue()));
            if (error != null) {
                stats.failed.incrementAndGet();
                sample(error.toString());
            } else if (response.statusCode() == 201) {
                stats.created.incrementAndGet();
                totalCreated.incrementAndGet();
                acceptedIds.put(idOf(response.body()), stats.phase.name());
            } else if (response.statusCode() == 200) {
                stats.existing.incrementAndGet();
            } else if (response.statusCode() == 429) {
                stats.rejected.incrementAndGet();
                totalRejected.incrementAndGet();
            } else {
                stats.failed.incrementAndGet();
                sample(response.statusCode() + " " + response.body());
            }
            inFlight.decrementAndGet();
        });
    }

    private void sample(String error) {
        if (errorSamples.size() < 10) {
            errorSamples.add(error.length() > 300 ? error.substring(0, 300) : error);
        }
    }

    /** The lead id in a {@code 201} body, without a JSON parse on the load's hot path. */
    private static String idOf(String body) {
        int key = body.indexOf("\"id\":\"");
        int start = key + 6;
        return body.substring(start, body.indexOf('"', start));
    }

    /** Waits for the answers still outstanding. */
    void awaitAnswers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
