package io.leadrouter.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lead Router's load harness (BENCHMARKS.md): starts the app (or targets a running one), measures
 * the database's raw commit rate, sends real-looking leads open-loop through warm-up, steady,
 * burst and drain phases, samples the routing backlog every second, and reads each lead's own
 * {@code receivedAt}/{@code assignedAt} at the end. Run it with {@code bench/run.sh load ...}.
 */
public final class LoadHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One backlog sample: seconds since the load started, phase, unrouted leads, leads accepted so
     * far, the app's process CPU time and its JIT compilers' share of it, and the local PostgreSQL
     * server's CPU time so far (ms; -1 where not measured).
     */
    record Sample(double at, String phase, long unrouted, long accepted, long rejected, long appCpuMillis,
                  long jitCpuMillis, long databaseCpuMillis) {

        long routed() {
            return accepted - unrouted;
        }
    }

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path reportFile = Path.of("target", "bench-results", "load-" + options.db() + "-" + run + ".txt");
        Files.createDirectories(reportFile.getParent());
        boolean ok;
        try (PrintStream report = new PrintStream(Files.newOutputStream(reportFile), true)) {
            Tee out = new Tee(System.out, report);
            ok = run(options, run, out);
        }
        System.out.println("Report: " + reportFile);
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(BenchOptions options, String run, Tee out) throws Exception {
        out.println("Lead Router load harness, run " + run + (options.smoke() ? " (smoke)" : ""));
        out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + ", load average at start " + loadAverage());
        out.println("Options: " + options);
        LeadSource source = new LeadSource(options.data(), options.b2bShare(), run);
        AppUnderTest app = options.url() != null ? AppUnderTest.running(options.url())
                : AppUnderTest.start(options, run);
        try {
            out.println("App: " + app.description + " at " + app.url + (app.log() == null ? "" : ", log " + app.log()));
            if (options.teamSize() > 0) {
                if (!options.db().equals("postgres") || app.jdbcUrl == null) {
                    throw new IllegalArgumentException("--team-size needs --db postgres (the app locks its H2 file)");
                }
                LargeTeams.fill(app.jdbcUrl, options.teamSize(), out::println);
            }
            RawCommitBaseline.Result before = baseline(options, app, "before", out);
            AutovacuumStandIn autovacuum = options.db().equals("postgres") && app.jdbcUrl != null
                    ? AutovacuumStandIn.startIfNeeded(app.jdbcUrl, out::println) : null;
            OpenLoopLoad load = new OpenLoopLoad(app.url, options.user(), options.password(), source::next);
            List<OpenLoopLoad.PhaseStats> phases = new ArrayList<>();
            phases.add(new OpenLoopLoad.PhaseStats(new OpenLoopLoad.Phase("warm-up", options.rate(), options.warmup())));
            phases.add(new OpenLoopLoad.PhaseStats(new OpenLoopLoad.Phase("steady", options.rate(), options.steady())));
            if (options.burst() > 0 && options.burstRate() > 0) {
                phases.add(new OpenLoopLoad.PhaseStats(new OpenLoopLoad.Phase("burst", options.burstRate(),
                        options.burst())));
            }
            phases.removeIf(p -> p.phase.seconds() <= 0);

            List<Sample> samples = new CopyOnWriteArrayList<>();
            long loadStart = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> sample(load, app, loadStart, samples, out), 1, 1, TimeUnit.SECONDS);
            load.run(phases);
            load.currentPhase = "drain";
            long drainStart = System.nanoTime();
            load.awaitAnswers(Duration.ofSeconds(60));
            double drained = awaitDrain(samples, options.drain(), drainStart);
            sampler.shutdown();
            if (autovacuum != null) {
                autovacuum.close();
            }
            sampler.awaitTermination(5, TimeUnit.SECONDS);

            RawCommitBaseline.Result after = baseline(options, app, "after", out);
            Map<String, JsonNode> leads = fetchLeads(load, app);
            return report(options, out, phases, samples, load, leads, before, after, drained);
        } finally {
            app.close();
            if (options.url() == null && options.db().equals("postgres")) {
                AppUnderTest.dropPostgres(options, run);
            }
        }
    }

    private static RawCommitBaseline.Result baseline(BenchOptions options, AppUnderTest app, String when, Tee out)
            throws Exception {
        if (app.jdbcUrl == null || options.baseline() <= 0) {
            out.println("Raw-commit baseline " + when + ": not measured (no JDBC URL of the app's database)");
            return null;
        }
        RawCommitBaseline.Result result = RawCommitBaseline.measure(app.jdbcUrl, options.baseline(), when);
        out.println("Raw-commit baseline " + when + " the load: " + result);
        return result;
    }

    private static void sample(OpenLoopLoad load, AppUnderTest app, long loadStart, List<Sample> samples, Tee out) {
        try {
            long accepted = load.totalCreated.get();
            HttpResponse<String> response = load.client().send(HttpRequest.newBuilder(
                            URI.create(app.url + "/api/intake/backlog")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", load.authorization()).build(), HttpResponse.BodyHandlers.ofString());
            long unrouted = JSON.readTree(response.body()).get("unrouted").asLong();
            Sample sample = new Sample((System.nanoTime() - loadStart) / 1e9, load.currentPhase, unrouted, accepted,
                    load.totalRejected.get(), app.cpuMillis(), app.jitCpuMillis(), app.databaseCpuMillis());
            samples.add(sample);
            if (samples.size() % 10 == 0) {
                out.println(String.format("  t=%4.0fs %-8s accepted %7d  backlog %6d  routed %7d  429s %d",
                        sample.at(), sample.phase(), accepted, unrouted, sample.routed(), sample.rejected()));
            }
        } catch (Exception unavailable) {
            out.println("  backlog sample failed: " + unavailable);
        }
    }

    /** Waits until the backlog is empty; the seconds that took, or -1 when it did not drain in time. */
    private static double awaitDrain(List<Sample> samples, int seconds, long drainStart) throws InterruptedException {
        long deadline = drainStart + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!samples.isEmpty() && samples.get(samples.size() - 1).phase().equals("drain")
                    && samples.get(samples.size() - 1).unrouted() == 0) {
                return (System.nanoTime() - drainStart) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** Every lead the app holds, by id (paged through {@code GET /api/leads}). */
    private static Map<String, JsonNode> fetchLeads(OpenLoopLoad load, AppUnderTest app)
            throws IOException, InterruptedException {
        Map<String, JsonNode> leads = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = load.client().send(HttpRequest.newBuilder(
                            URI.create(app.url + "/api/leads?size=200&page=" + page)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", load.authorization()).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode content = JSON.readTree(response.body()).get("content");
            if (content == null || content.isEmpty()) {
                return leads;
            }
            content.forEach(lead -> leads.put(lead.get("id").asText(), lead));
        }
    }

    private static boolean report(BenchOptions options, Tee out, List<OpenLoopLoad.PhaseStats> phases,
                                  List<Sample> samples, OpenLoopLoad load, Map<String, JsonNode> leads,
                                  RawCommitBaseline.Result before, RawCommitBaseline.Result after, double drained) {
        out.println("");
        out.println("== Intake (POST /api/leads, latency from the moment each lead was due, ms)");
        out.println(String.format("%-8s %7s %7s %7s %6s %6s %8s %8s %8s %8s", "phase", "rate/s", "sent", "201",
                "429", "errors", "p50", "p99", "p99.9", "max"));
        for (OpenLoopLoad.PhaseStats p : phases) {
            Histogram h = p.intake;
            out.println(String.format("%-8s %7.0f %7d %7d %6d %6d %8.1f %8.1f %8.1f %8.1f", p.phase.name(),
                    p.phase.rate(), p.sent.get(), p.created.get(), p.rejected.get(), p.failed.get(),
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue())));
        }

        Map<String, Histogram> toAssigned = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> statuses = new LinkedHashMap<>();
        phases.forEach(p -> {
            toAssigned.put(p.phase.name(), new Histogram(TimeUnit.HOURS.toMillis(2), 3));
            statuses.put(p.phase.name(), new TreeMap<>());
        });
        // X Education's leads (through their mapping) and the B2B leads (Lead Router's own form) apart
        Map<String, Map<String, Integer>> statusesBySource = new TreeMap<>();
        // how many of each source's leads the published conversion model scored (the rest: the rules alone)
        Map<String, Integer> modelScoredBySource = new TreeMap<>();
        int missing = 0;
        int unrouted = 0;
        for (Map.Entry<String, String> accepted : load.acceptedIds.entrySet()) {
            JsonNode lead = leads.get(accepted.getKey());
            if (lead == null) {
                missing++;
                continue;
            }
            String status = lead.get("status").asText();
            statuses.get(accepted.getValue()).merge(status, 1, Integer::sum);
            String source = lead.path("sourceMapping").asText("own form (B2B)");
            statusesBySource.computeIfAbsent(source, any -> new TreeMap<>()).merge(status, 1, Integer::sum);
            modelScoredBySource.merge(source, lead.hasNonNull("conversionProbability") ? 1 : 0, Integer::sum);
            if (status.equals("RECEIVED") && lead.get("routing") == null) {
                unrouted++;
            }
            if (lead.hasNonNull("assignedAt")) {
                long millis = Duration.between(Instant.parse(lead.get("receivedAt").asText()),
                        Instant.parse(lead.get("assignedAt").asText())).toMillis();
                toAssigned.get(accepted.getValue()).recordValue(Math.max(0, millis));
            }
        }
        out.println("");
        out.println("== Receipt to Work lead assigned (the leads' own receivedAt -> assignedAt, ms)");
        out.println(String.format("%-8s %8s %8s %8s %8s %8s   %s", "phase", "assigned", "p50", "p99", "p99.9", "max",
                "outcome of accepted leads"));
        for (OpenLoopLoad.PhaseStats p : phases) {
            Histogram h = toAssigned.get(p.phase.name());
            out.println(String.format("%-8s %8d %8d %8d %8d %8d   %s", p.phase.name(), h.getTotalCount(),
                    h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                    h.getMaxValue(), statuses.get(p.phase.name())));
        }
        statusesBySource.forEach((source, counts) -> out.println(String.format("%-17s %s, scored by the model %d",
                source, counts, modelScoredBySource.getOrDefault(source, 0))));

        out.println("");
        out.println("== Throughput and backlog (sampled every second)");
        for (OpenLoopLoad.PhaseStats p : phases) {
            List<Sample> in = samples.stream().filter(s -> s.phase().equals(p.phase.name())).toList();
            if (in.size() < 2) {
                continue;
            }
            Sample first = in.get(0);
            Sample last = in.get(in.size() - 1);
            double seconds = last.at() - first.at();
            out.println(String.format("%-8s routed %6.1f leads/s, accepted %6.1f/s; backlog %d -> %d (max %d, "
                            + "trend %+.1f leads/min)", p.phase.name(), (last.routed() - first.routed()) / seconds,
                    (last.accepted() - first.accepted()) / seconds, first.unrouted(), last.unrouted(),
                    in.stream().mapToLong(Sample::unrouted).max().orElse(0), slopePerMinute(in)));
            if (first.appCpuMillis() >= 0 && last.routed() > first.routed()) {
                // intake and routing together, per lead taken in and routed in the phase
                long cpu = last.appCpuMillis() - first.appCpuMillis();
                long jit = first.jitCpuMillis() >= 0 ? last.jitCpuMillis() - first.jitCpuMillis() : 0;
                long routed = last.routed() - first.routed();
                out.println(String.format("%-8s app CPU %.2f cores, %.1f ms per routed lead; without JIT compilation "
                                + "(%.0f %% of it) %.1f ms", "", cpu / 1000.0 / seconds, (double) cpu / routed,
                        cpu == 0 ? 0.0 : 100.0 * jit / cpu, (double) (cpu - jit) / routed));
                if (first.databaseCpuMillis() >= 0) {
                    long database = last.databaseCpuMillis() - first.databaseCpuMillis();
                    out.println(String.format("%-8s PostgreSQL CPU %.2f cores, %.1f ms per routed lead", "",
                            database / 1000.0 / seconds, (double) database / routed));
                }
            }
        }
        out.println(drained >= 0 ? String.format("drain    backlog empty %.1f s after the last lead was sent", drained)
                : "drain    backlog NOT empty within " + options.drain() + " s");
        out.println("");
        out.println("Raw-commit baseline: before " + (before == null ? "n/a" : before)
                + "; after " + (after == null ? "n/a" : after));
        out.println("Load average at end: " + loadAverage());
        if (!load.errorSamples.isEmpty()) {
            out.println("First errors: " + load.errorSamples);
        }

        long errors = phases.stream().mapToLong(p -> p.failed.get()).sum();
        boolean sane = errors == 0 && missing == 0 && unrouted == 0 && !load.acceptedIds.isEmpty() && drained >= 0;
        out.println("");
        out.println((sane ? "SANE" : "NOT SANE") + ": " + load.acceptedIds.size() + " leads accepted, " + missing
                + " not found, " + unrouted + " not routed, " + errors + " errors");
        return !options.smoke() || sane;
    }

    private static double slopePerMinute(List<Sample> samples) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sx += s.at();
            sy += s.unrouted();
            sxy += s.at() * s.unrouted();
            sxx += s.at() * s.at();
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : 60 * (n * sxy - sx * sy) / denominator;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException notLinux) {
            return "n/a";
        }
    }

    /** Prints to the console and the report file. */
    private record Tee(PrintStream console, PrintStream file) {

        synchronized void println(String line) {
            console.println(line);
            file.println(line);
        }
    }
}
