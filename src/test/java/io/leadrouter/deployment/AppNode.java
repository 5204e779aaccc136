package io.leadrouter.deployment;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * One Lead Router node: the packaged jar ({@code ./mvnw package}) in its own JVM on its own port,
 * as production runs it, with its output in {@code target/it-nodes/<name>.log}. Started, checked
 * for health by polling {@code /actuator/health} until a timeout, killed with SIGKILL
 * ({@code kill -9}) or stopped, and called over HTTP with Basic credentials.
 */
final class AppNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    AppNode(String name, Map<String, String> environment, String... arguments) {
        this.name = name;
        this.port = freePort();
        this.environment = Map.copyOf(environment);
        this.arguments = List.of(arguments);
        this.log = Paths.get("target", "it-nodes", name + ".log");
    }

    /** Starts the jar (again, after a kill: same port, same settings). */
    AppNode start() {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString(),
                "--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("LEADROUTER_") || key.startsWith("SPRING_"));
        env.putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " start " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
        return this;
    }

    /** Waits until {@code /actuator/health} answers UP; fails early, with the log, if the JVM exits. */
    AppNode awaitHealthy(Duration timeout) {
        try {
            await("node " + name + " healthy").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(this::healthy);
        } catch (ConditionTimeoutException notHealthy) {
            throw new AssertionError("Node " + name + " not healthy within " + timeout + ":\n" + logTail(60), notHealthy);
        }
        return this;
    }

    /** Whether {@code /actuator/health} answers UP; an AssertionError, which ends the wait, if the JVM exited. */
    private boolean healthy() {
        if (!process.isAlive()) {
            throw new AssertionError("Node " + name + " exited with " + process.exitValue() + ":\n" + logTail(60));
        }
        try {
            Response health = call("GET", "/actuator/health", null, null, null);
            return health.status() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /** Waits for the JVM to exit by itself; its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Node " + name + " still running after " + timeout + ":\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: the JVM dies at once, without shutting anything down. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String name() {
        return name;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** An HTTP answer. */
    record Response(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    Response get(String path, String user, String password) throws IOException {
        return call("GET", path, user, password, null);
    }

    Response postJson(String path, String user, String password, String json) throws IOException {
        return call("POST", path, user, password, json, Map.of("Content-Type", "application/json"));
    }

    Response patchJson(String path, String user, String password, String json) throws IOException {
        return call("PATCH", path, user, password, json, Map.of("Content-Type", "application/json"));
    }

    /** A multipart upload of one file, as Camunda Modeler deploys to {@code /engine-rest/deployment/create}. */
    Response deploy(String user, String password, String deploymentName, String fileName, String content)
            throws IOException {
        String boundary = "leadrouter" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + deploymentName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
                + "\r\n--" + boundary + "--\r\n";
        return call("POST", "/engine-rest/deployment/create", user, password, body,
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    Response call(String method, String path, String user, String password, String body) throws IOException {
        return call(method, path, user, password, body, Map.of());
    }

    Response call(String method, String path, String user, String password, String body, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> all = new HashMap<>(headers);
        all.putIfAbsent("Accept", "application/json");
        if (user != null) {
            all.put("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        all.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Stops the node gracefully (SIGTERM), or kills it when it takes too long. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** The packaged application: {@code leadrouter.jar} as set by the build, else the jar in target/. */
    static Path jar() {
        String configured = System.getProperty("leadrouter.jar");
        if (configured != null) {
            return Paths.get(configured);
        }
        try (var files = Files.list(Paths.get("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("lead-router-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("No target/lead-router-*.jar: run ./mvnw package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
