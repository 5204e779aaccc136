package io.leadrouter.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Lead Router under load: the packaged jar started by the harness (H2 file database in a
 * fresh temporary data dir, or a fresh PostgreSQL database), or a running instance (--url).
 */
final class AppUnderTest implements AutoCloseable {

    final String url;
    final String jdbcUrl;          // for the raw-commit baseline; null when unknown (--url)
    final String description;
    private final Process process;
    private final Path log;
    private final boolean keepDatabase;

    private AppUnderTest(String url, String jdbcUrl, String description, Process process, Path log,
                         boolean keepDatabase) {
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.description = description;
        this.process = process;
        this.log = log;
        this.keepDatabase = keepDatabase;
    }

    static AppUnderTest running(String url) {
        return new AppUnderTest(url.replaceAll("/$", ""), null, "running instance " + url, null, null, true);
    }

    static AppUnderTest start(BenchOptions options, String run) throws Exception {
        Path dir = Files.createTempDirectory("leadrouter-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        if (!options.jvmArgs().isBlank()) {
            command.addAll(Arrays.asList(options.jvmArgs().trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.jar(), "--server.port=" + port,
                "--leadrouter.data-dir=" + dir, "--logging.file.name=" + dir.resolve("app.log")));
        String jdbcUrl;
        String description;
        if (options.db().equals("postgres")) {
            String database = "leadrouter_bench_" + run.replace('-', '_');
            try (Connection admin = DriverManager.getConnection(options.pgUrl());
                 Statement statement = admin.createStatement()) {
                statement.execute("create database " + database);
            }
            String server = options.pgUrl().substring(0, options.pgUrl().lastIndexOf('/'));
            String query = options.pgUrl().contains("?") ? options.pgUrl().substring(options.pgUrl().indexOf('?')) : "";
            jdbcUrl = server + "/" + database + query;
            command.add("--spring.datasource.url=" + server + "/" + database);
            command.add("--spring.datasource.username=" + queryParam(options.pgUrl(), "user", "postgres"));
            command.add("--spring.datasource.password=" + queryParam(options.pgUrl(), "password", ""));
            description = "PostgreSQL, fresh database " + database;
        } else if (options.db().equals("h2")) {
            // the app's own database URL and settings (application.yaml) in the data dir; its file is
            // locked by the app, so the baseline uses a sibling file on the same disk
            jdbcUrl = "jdbc:h2:file:" + dir.resolve("baseline") + ";USER=sa";
            description = "H2 file database in " + dir;
        } else {
            throw new IllegalArgumentException("--db h2 or --db postgres");
        }
        if (!options.appArgs().isBlank()) {
            command.addAll(Arrays.asList(options.appArgs().trim().split("\\s+")));
        }
        Path log = dir.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppUnderTest app = new AppUnderTest("http://127.0.0.1:" + port, jdbcUrl, description, process, log,
                System.getenv("BENCH_KEEP_DATABASE") != null);
        app.awaitHealthy(Duration.ofMinutes(3));
        return app;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the app stopped at start-up; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not become healthy in " + timeout + "; see " + log);
    }

    /** CPU time the started app's process has used so far, in ms; -1 for a running instance. */
    long cpuMillis() {
        return process == null ? -1
                : process.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /**
     * CPU time the started app's JIT compiler threads have used so far, in ms (Linux: from
     * /proc/<pid>/task/<tid>/stat, clock ticks of 10 ms); -1 where unknown. A JVM compiles for
     * minutes after a start: this tells how much of a phase's CPU was still compilation.
     */
    long jitCpuMillis() {
        if (process == null) {
            return -1;
        }
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ticks += ticksIf(thread.resolve("stat"),
                        name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
            }
        } catch (IOException unreadable) {
            return -1;
        }
        return ticks * 10;
    }

    /**
     * CPU time used so far by the PostgreSQL server's processes on this machine (ms; Linux, from
     * /proc/<pid>/stat of every process named postgres), or -1 for H2 (it runs inside the app)
     * and where unknown. Accumulated per process between calls, so processes that start and end
     * during the run (connections, vacuum) count with what they used up to the last call.
     */
    synchronized long databaseCpuMillis() {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://127.0.0.1")
                && !jdbcUrl.startsWith("jdbc:postgresql://localhost")) {
            return -1;
        }
        java.util.Map<String, Long> now = new java.util.HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long ticks = ticksIf(process.resolve("stat"), name -> name.equals("postgres"));
                if (ticks > 0) {
                    now.put(process.getFileName().toString(), ticks);
                }
            }
        } catch (IOException notLinux) {
            return -1;
        }
        now.forEach((pid, ticks) -> databaseTicks += Math.max(0, ticks - databaseTicksSeen.getOrDefault(pid, 0L)));
        databaseTicksSeen = now;
        return databaseTicks * 10;
    }

    private long databaseTicks;
    private java.util.Map<String, Long> databaseTicksSeen = new java.util.HashMap<>();

    /** utime + stime of one /proc stat file when the process or thread name matches, else 0. */
    private static long ticksIf(Path stat, java.util.function.Predicate<String> name) {
        try {
            String line = Files.readString(stat);
            if (!name.test(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')))) {
                return 0;
            }
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // ended meanwhile, or not readable
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        deleteH2Files();
    }

    /**
     * An H2 run leaves gigabytes of database in its data dir (2-3 GB for the default command): its
     * files go after the run, its logs stay (BENCH_KEEP_DATABASE=1 keeps the files too, to
     * read rows per lead from them).
     */
    private void deleteH2Files() {
        if (keepDatabase || log == null) {
            return;
        }
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".mv.db") || name.endsWith(".trace.db")) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException undeletable) {
            System.err.println("Could not delete the run's H2 files in " + log.getParent() + ": " + undeletable);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String queryParam(String url, String name, String otherwise) {
        int query = url.indexOf('?');
        if (query < 0) {
            return otherwise;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return otherwise;
    }

    /** Drops the benchmark's PostgreSQL database (after the app stopped). */
    static void dropPostgres(BenchOptions options, String run) {
        String database = "leadrouter_bench_" + run.replace('-', '_');
        try (Connection admin = DriverManager.getConnection(options.pgUrl());
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database);
        } catch (SQLException ignored) {
            // left behind: harmless, named by run
        }
    }
}
