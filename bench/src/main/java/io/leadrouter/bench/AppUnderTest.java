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

    private AppUnderTest(String url, String jdbcUrl, String description, Process process, Path log) {
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.description = description;
        this.process = process;
        this.log = log;
    }

    static AppUnderTest running(String url) {
        return new AppUnderTest(url.replaceAll("/$", ""), null, "running instance " + url, null, null);
    }

    static AppUnderTest start(BenchOptions options, String run) throws Exception {
        Path dir = Files.createTempDirectory("leadrouter-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", options.jar(), "--server.port=" + port,
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
            // the app's own H2 file is locked by the app: the baseline uses a sibling file on the same disk
            command.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("leadrouter") + ";DB_CLOSE_ON_EXIT=FALSE");
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
        AppUnderTest app = new AppUnderTest("http://127.0.0.1:" + port, jdbcUrl, description, process, log);
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
