package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.webapps.WebappSession;

/**
 * A Tasklist plugin calls {@code /api} with the web apps' session, as the signed-in user: the
 * session cookie reaches {@code /api} (its path is the server's root), reads need nothing more,
 * and a change needs the session's CSRF token in {@code X-XSRF-TOKEN}, or it is refused (403).
 * Without a session or credentials {@code /api} stays 401; Basic credentials still decide who
 * calls when they are sent.
 */
@IntegrationTest
class WebappSessionApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WebappSession tasklist;
    private String rep;

    @BeforeEach
    void signInToTasklist() {
        List<Rep> east = reps.findByTeamIdOrderById("east");
        rep = east.get(east.size() - 1).getId();
        tasklist = new WebappSession(root());
        assertThat(tasklist.login("tasklist", rep, "demo")).isEqualTo(200);
    }

    @AfterEach
    void everyoneAvailable() {
        driver.allRepsAvailable();
    }

    @Test
    void theTasklistSessionReachesTheApiAndReadsAsTheSignedInUser() {
        HttpCookie session = tasklist.cookie("JSESSIONID");

        // the browser sends the cookie to every path under its path: /api included
        assertThat(session.getPath()).isEqualTo("/");
        HttpResponse<String> mine = send(request("/api/me/panel").header("Cookie", "JSESSIONID=" + session.getValue())
                .GET());

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"user\":\"" + rep + "\"", "\"rep\":true");
    }

    @Test
    void aChangeWithTheSessionNeedsTheSessionsCsrfToken() {
        String availability = "/api/reps/" + rep + "/availability";

        HttpResponse<String> withoutToken = send(withSession(availability).PUT(json("{\"available\": false}")));
        HttpResponse<String> withAnotherToken = send(withSession(availability).header("X-XSRF-TOKEN", "guessed")
                .PUT(json("{\"available\": false}")));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(withoutToken.body()).contains("X-XSRF-TOKEN");
        assertThat(withAnotherToken.statusCode()).isEqualTo(403);
        assertThat(reps.findById(rep).orElseThrow().isAvailable()).as("after the refused changes").isTrue();

        HttpResponse<String> withToken = send(withSession(availability)
                .header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN").getValue()).PUT(json("{\"available\": false}")));

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(reps.findById(rep).orElseThrow().isAvailable()).isFalse();
    }

    @Test
    void withoutASignedInSessionOrCredentialsTheApiStays401() {
        String session = tasklist.cookie("JSESSIONID").getValue();
        tasklist.postJson("/camunda/api/admin/auth/user/default/logout", "{}");

        HttpResponse<String> nothing = send(request("/api/me/panel").GET());
        HttpResponse<String> signedOut = send(request("/api/me/panel").header("Cookie", "JSESSIONID=" + session).GET());

        assertThat(nothing.statusCode()).isEqualTo(401);
        assertThat(nothing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic"));
        assertThat(signedOut.statusCode()).isEqualTo(401);
        // a page of the web apps must not make the browser ask for a password
        assertThat(signedOut.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(signedOut.body()).contains("sign in to Tasklist again");
    }

    @Test
    void basicCredentialsSentWithASessionDecideWhoCalls() {
        HttpResponse<String> salesOps = send(withSession("/api/me/panel")
                .header("Authorization", basic("sam.ops", "demo")).GET());
        HttpResponse<String> wrongPassword = send(withSession("/api/me/panel")
                .header("Authorization", basic("no.such.user", "not-the-password")).GET());

        assertThat(salesOps.statusCode()).isEqualTo(200);
        assertThat(salesOps.body()).contains("\"user\":\"sam.ops\"", "\"rep\":false");
        assertThat(wrongPassword.statusCode()).as("no fallback to the session").isEqualTo(401);
    }

    private HttpRequest.Builder withSession(String path) {
        return request(path).header("Cookie", "JSESSIONID=" + tasklist.cookie("JSESSIONID").getValue());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root() + path)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String root() {
        return "http://localhost:" + port;
    }
}
