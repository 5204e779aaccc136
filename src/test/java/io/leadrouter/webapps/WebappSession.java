package io.leadrouter.webapps;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser-like session with Camunda's webapps (Tasklist, Cockpit, Admin): a cookie jar, the
 * webapps' session login and their CSRF token ({@code XSRF-TOKEN} cookie echoed as the
 * {@code X-XSRF-TOKEN} header on every change).
 */
public final class WebappSession {

    private final String root;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebappSession(String root) {
        this.root = root;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Logs into a webapp ({@code tasklist}, {@code cockpit}, {@code admin}); the HTTP status. */
    public int login(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
        // the login starts a new session, whose CSRF token the next read hands out (as the webapps do)
        get("/camunda/api/admin/auth/user/default");
        return status;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", "application/json").DELETE());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs JSON and asks for HAL, as Tasklist lists a filter's tasks: each with its card's variables embedded. */
    public HttpResponse<String> postForHal(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/json")
                .header("Accept", "application/hal+json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** PUTs JSON, as Tasklist saves a task from its header (follow-up and due date). */
    public HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The cookie of that name the server set, or null. */
    public HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpCookie csrf = cookie("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf.getValue());
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call to " + root + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
