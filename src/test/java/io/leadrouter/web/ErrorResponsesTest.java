package io.leadrouter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.RawHttp;

/**
 * Every error is {@code application/problem+json} with its status, naming the field where there
 * is one, without an exception's class or text: Spring MVC's own (404, 405, 406, 415, an
 * unreadable body), the servlet container's (a malformed URI, the error page itself), and a body
 * that is not UTF-8, which is rejected before anything of it is stored.
 */
@IntegrationTest
class ErrorResponsesTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String ADMIN = RawHttp.basic("admin", "admin");
    /** An overlong "/": a lenient decoder reads C0 AF as "/" (Jackson stored it so). */
    private static final byte[] OVERLONG_SLASH = {(byte) 0xC0, (byte) 0xAF};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void unsupportedContentTypeAnswers415Problem() throws Exception {
        JsonNode problem = problem(send("POST", "/api/leads", ADMIN + "Content-Type: application/xml\r\n",
                "<lead/>".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(problem.get("detail").asText()).contains("application/xml");
    }

    @Test
    void anonymousRequestForTheErrorPageAnswers404Problem() throws Exception {
        problem(send("GET", "/error", "", null), 404);
    }

    @Test
    void unknownPathMethodNotAllowedAndNotAcceptableAnswerProblems() throws Exception {
        problem(send("GET", "/api/no-such-thing", ADMIN, null), 404);
        RawHttp.Response notAllowed = send("DELETE", "/api/leads", ADMIN, null);
        problem(notAllowed, 405);
        assertThat(notAllowed.header("Allow")).isNotBlank();
        problem(send("GET", "/api/leads", ADMIN + "Accept: application/xml\r\n", null), 406);
    }

    @Test
    void malformedUriAnswers400ProblemFromTheServletContainer() throws Exception {
        problem(send("GET", "/api/leads/%zz", ADMIN, null), 400);
    }

    @Test
    void missingOrUnreadableBodyAnswers400WithoutJavaText() throws Exception {
        problem(send("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\n", new byte[0]), 400);
        JsonNode broken = problem(send("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\n",
                "{\"email\": ".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(broken.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void parameterOfTheWrongTypeNamesTheParameter() throws Exception {
        JsonNode problem = problem(send("GET", "/api/leads?page=first", ADMIN, null), 400);
        assertThat(problem.get("field").asText()).isEqualTo("page");
    }

    @Test
    void leadThatIsNotUtf8Answers400AndIsNotStored() throws Exception {
        String marker = "utf8-" + System.nanoTime();
        byte[] lead = join("{\"externalId\": \"" + marker + "\", \"company\": \"Slash ", OVERLONG_SLASH,
                " Ltd\", \"email\": \"a@slash.example.org\"}");

        JsonNode problem = problem(send("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\n", lead), 400);

        assertThat(problem.get("type").asText()).isEqualTo("urn:leadrouter:problem:invalid-utf-8");
        assertThat(problem.get("field").asText()).isEqualTo("body");
        assertThat(problem.get("detail").asText()).contains("not valid UTF-8", "0xC0");
        assertThat(jdbc.queryForObject("select count(*) from leads where external_id = ?", Long.class, marker)).isZero();
    }

    @Test
    void csvImportThatIsNotUtf8Answers400AndStoresNoRow() throws Exception {
        String marker = "utf8-" + System.nanoTime();
        byte[] csv = join("externalId,email,company\n" + marker + "-1,one@csv-utf8.example.org,Fine Ltd\n"
                + marker + "-2,two@csv-utf8.example.org,Slash ", OVERLONG_SLASH, " Ltd\n");

        for (String path : List.of("/api/leads/import", "/api/imports")) {
            JsonNode problem = problem(send("POST", path, ADMIN + "Content-Type: text/csv\r\n", csv), 400);
            assertThat(problem.get("type").asText()).isEqualTo("urn:leadrouter:problem:invalid-utf-8");
        }
        assertThat(jdbc.queryForObject("select count(*) from leads where external_id like ?", Long.class,
                marker + "%")).isZero();
    }

    @Test
    void wellFormedUtf8IsAccepted() throws Exception {
        String lead = """
                {"externalId": "utf8-ok-%d", "email": "jürgen@straße.example.org", "company": "Żółw 🐢 Ltd"}"""
                .formatted(System.nanoTime());
        RawHttp.Response response = send("POST", "/api/leads", ADMIN + "Content-Type: application/json\r\n",
                lead.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isIn(200, 201, 400);
        assertThat(response.body()).doesNotContain("invalid-utf-8");
    }

    /** Asserts a problem answer: status, media type, no Java in it; returns it. */
    private JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "java.", "org.springframework", "io.leadrouter.",
                "com.fasterxml", "\tat ");
        return problem;
    }

    private RawHttp.Response send(String method, String path, String headers, byte[] body) throws Exception {
        try (RawHttp connection = new RawHttp(port)) {
            String length = body == null ? "" : "Content-Length: " + body.length + "\r\n";
            connection.sendHead(method, path, headers + length + "Connection: close\r\n");
            if (body != null && body.length > 0) {
                connection.send(body);
            }
            return connection.readResponse(BOUND);
        }
    }

    private static byte[] join(String before, byte[] bytes, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(bytes, 0, joined, head.length, bytes.length);
        System.arraycopy(tail, 0, joined, head.length + bytes.length, tail.length);
        return joined;
    }
}
