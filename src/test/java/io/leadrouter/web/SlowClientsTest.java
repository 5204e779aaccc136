package io.leadrouter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadrouter.IntegrationTest;
import io.leadrouter.RawHttp;

/**
 * Slow clients cannot starve the request threads (48, application.yaml): an anonymous body is
 * answered 401 and its connection closed without reading it; an authenticated body that trickles
 * answers 408 once the grace is over (leadrouter.limits.body-grace, 3 s in tests).
 */
@IntegrationTest
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 60;
    /** Far below what a starved server takes (the swallowed bodies would hold threads for hours), with room for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private final List<RawHttp> connections = new CopyOnWriteArrayList<>();
    /** Connections that have sent their request head: the trickle goes to these. */
    private final List<RawHttp> sendingBodies = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(SLOW_CLIENTS);

    @AfterEach
    void closeEverything() throws Exception {
        trickle.shutdownNow();
        clients.shutdownNow();
        for (RawHttp connection : connections) {
            connection.close();
        }
    }

    @Test
    void sixtyAnonymousSlowSendersLeaveHealthAndIntakeAnswering() throws Exception {
        long healthAloneMillis = timed(() -> assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
        long leadAloneMillis = timed(() -> assertThat(postLead().statusCode()).isEqualTo(201));
        CyclicBarrier start = new CyclicBarrier(SLOW_CLIENTS);
        CountDownLatch sending = new CountDownLatch(SLOW_CLIENTS);
        List<Future<Boolean>> answeredAndClosed = new ArrayList<>();
        for (int client = 0; client < SLOW_CLIENTS; client++) {
            answeredAndClosed.add(clients.submit(() -> {
                RawHttp connection = new RawHttp(port);
                connections.add(connection);
                start.await();
                connection.sendHead("POST", "/api/leads",
                        "Content-Type: application/json\r\nContent-Length: 100000\r\n");
                connection.send("{".getBytes(StandardCharsets.UTF_8));
                sendingBodies.add(connection);
                sending.countDown();
                RawHttp.Response response = connection.readResponse(Duration.ofSeconds(20));
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.header("Connection")).isEqualTo("close");
                return connection.closedByServerWithin(Duration.ofSeconds(20));
            }));
        }
        // one byte every 2 s on every connection, for as long as the server reads
        trickle.scheduleAtFixedRate(() -> sendingBodies.forEach(connection -> {
            try {
                connection.send(new byte[] {' '});
            } catch (Exception closed) {
                // the server closed it: as it should
            }
        }), 0, 2, TimeUnit.SECONDS);
        assertThat(sending.await(30, TimeUnit.SECONDS)).as("every slow client sending").isTrue();

        long healthMillis = timed(() -> assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
        long leadMillis = timed(() -> assertThat(postLead().statusCode()).isEqualTo(201));

        assertThat(healthMillis).as("health with %d slow clients", SLOW_CLIENTS).isLessThan(BOUND.toMillis());
        assertThat(leadMillis).as("a lead with %d slow clients", SLOW_CLIENTS).isLessThan(BOUND.toMillis());
        for (Future<Boolean> closed : answeredAndClosed) {
            assertThat(closed.get(30, TimeUnit.SECONDS)).as("connection closed by the server").isTrue();
        }
        System.out.printf("Without slow clients: health %d ms, lead %d ms; with %d anonymous slow clients: "
                + "health %d ms, lead %d ms%n", healthAloneMillis, leadAloneMillis, SLOW_CLIENTS, healthMillis, leadMillis);
    }

    @Test
    void authenticatedBodyThatTricklesAnswers408AndCloses() throws Exception {
        RawHttp connection = new RawHttp(port);
        connections.add(connection);
        connection.sendHead("POST", "/api/leads", RawHttp.basic("admin", "admin")
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n");
        trickle.scheduleAtFixedRate(() -> {
            try {
                connection.send(new byte[] {' '});
            } catch (Exception closed) {
                // the server closed it: as it should
            }
        }, 0, 500, TimeUnit.MILLISECONDS);

        long started = System.nanoTime();
        RawHttp.Response response = connection.readResponse(Duration.ofSeconds(30));
        long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(408);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:leadrouter:problem:body-too-slow\"");
        assertThat(answeredMillis).isBetween(2_500L, 15_000L); // the test grace is 3 s
        assertThat(connection.closedByServerWithin(BOUND)).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(BOUND.multipliedBy(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLead() throws Exception {
        String lead = """
                {"externalId": "slow-%s", "email": "patient@slow-clients.example.org", "company": "Patience Ltd"}"""
                .formatted(UUID.randomUUID());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/leads"))
                .timeout(BOUND.multipliedBy(3))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(lead)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long timed(Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
