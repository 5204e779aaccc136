package io.leadrouter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.RawHttp;

/**
 * Request bodies have limits (leadrouter.limits, defaults): a lead 256 KB, the synchronous CSV
 * import 5 MB, every other /api body 64 KB. Over the limit answers 413 problem+json naming it,
 * on Content-Length before the body is sent, and while a chunked body streams, which is then
 * not read further. (The bulk import: intake/BulkImportTest.)
 */
@IntegrationTest
class RequestBodyLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String ADMIN = RawHttp.basic("admin", "admin");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stopSending() {
        sender.shutdownNow();
    }

    @Test
    void leadOverItsLimitByContentLengthAnswers413BeforeItsBodyIsSent() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\nContent-Length: 262145\r\n");

            RawHttp.Response response = connection.readResponse(BOUND);

            assertTooLarge(response, "lead", 262_144);
            assertThat(connection.closedByServerWithin(BOUND)).isTrue();
        }
    }

    @Test
    void leadJustWithinItsLimitIsReadAsUsual() throws Exception {
        // 256 KB of JSON: a lead with 200 KB of attributes reaches validation (and its answer is not 413)
        String attributes = "x".repeat(200 * 1024);
        String lead = """
                {"externalId": "big-%d", "email": "big@limits.example.org", "company": "Big Ltd", "attributes": {"notes": "%s"}}"""
                .formatted(System.nanoTime(), attributes);
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\nContent-Length: "
                    + lead.getBytes(StandardCharsets.UTF_8).length + "\r\n");
            connection.send(lead.getBytes(StandardCharsets.UTF_8));

            assertThat(connection.readResponse(BOUND).status()).isNotEqualTo(413).isLessThan(500);
        }
    }

    @Test
    void chunkedLeadGrowingPastItsLimitAnswers413AndIsNotReadFurther() throws Exception {
        StreamedUpload upload = streamChunked("/api/leads", "application/json", 64L * 1024 * 1024);

        assertTooLarge(upload.response(), "lead", 262_144);
        assertThat(upload.bytesSent()).as("bytes sent before the server stopped reading").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void synchronousImportStreamedPastItsLimitAnswers413InsteadOfReadingSixtyMegabytes() throws Exception {
        long before = leadCount();

        StreamedUpload upload = streamChunked("/api/leads/import", "text/csv", 60L * 1024 * 1024);

        assertTooLarge(upload.response(), "csv-import", 5L * 1024 * 1024);
        assertThat(upload.bytesSent()).isLessThan(20L * 1024 * 1024);
        assertThat(leadCount()).isEqualTo(before);
    }

    @Test
    void anyOtherApiBodyOverSixtyFourKilobytesAnswers413() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("PATCH", "/api/reps/anyone", ADMIN
                    + "Content-Type: application/json\r\nContent-Length: 70000\r\n");

            assertTooLarge(connection.readResponse(BOUND), "api", 65_536);
        }
    }

    @Test
    void anonymousCallerGets401NotTheLimit() throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", "/api/leads", "Content-Type: application/json\r\nContent-Length: 99999999\r\n");

            RawHttp.Response response = connection.readResponse(BOUND);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServerWithin(BOUND)).isTrue();
        }
    }

    private void assertTooLarge(RawHttp.Response response, String limit, long maxBytes) throws Exception {
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Connection")).isEqualTo("close");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("type").asText()).isEqualTo("urn:leadrouter:problem:body-too-large");
        assertThat(problem.get("limit").asText()).isEqualTo(limit);
        assertThat(problem.get("maxBytes").asLong()).isEqualTo(maxBytes);
        assertThat(problem.get("detail").asText()).contains("leadrouter.limits." + limit);
    }

    private record StreamedUpload(RawHttp.Response response, long bytesSent) {
    }

    /**
     * Sends up to {@code total} bytes as a chunked body (64 KB chunks, each at once, as a client
     * on a slow line would) while reading the response; stops when the server stops reading.
     */
    private StreamedUpload streamChunked(String path, String contentType, long total) throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", path, ADMIN + "Content-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n");
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            chunk[0] = '[';
            long[] sent = new long[1];
            Future<?> sending = sender.submit(() -> {
                try {
                    connection.sendChunk("{\"notes\": \"".getBytes(StandardCharsets.UTF_8));
                    while (sent[0] < total && !Thread.currentThread().isInterrupted()) {
                        connection.sendChunk(chunk);
                        sent[0] += chunk.length;
                    }
                } catch (Exception closedByServer) {
                    // the server answered and closed: sending ends here
                }
                return null;
            });
            RawHttp.Response response = connection.readResponse(Duration.ofSeconds(60));
            assertThat(connection.closedByServerWithin(BOUND)).isTrue();
            sending.get(30, TimeUnit.SECONDS);
            return new StreamedUpload(response, sent[0]);
        }
    }

    private long leadCount() {
        return jdbc.queryForObject("select count(*) from leads", Long.class);
    }
}
