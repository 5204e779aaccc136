package io.leadrouter.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends {@link HostileLeads} to a running Lead Router over HTTP and checks every answer: never a
 * 5xx, every error {@code application/problem+json}, and the number of stored leads grows by
 * exactly what the answer says was created (one for a 201, the report's {@code created} for an
 * import, nothing for anything refused). Used by {@link IntakeFuzzTest} in the build and by
 * {@code bench/run.sh fuzz} for longer runs.
 */
public final class IntakeFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FAILURES_KEPT = 50;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;
    private final LongSupplier storedLeads;

    /**
     * @param base        the app's root URL, e.g. {@code http://localhost:8080}
     * @param storedLeads how many leads the app has stored now (a count query, or the API's total)
     */
    public IntakeFuzz(String base, String user, String password, LongSupplier storedLeads) {
        this.base = base.replaceAll("/$", "");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.storedLeads = storedLeads;
    }

    /** What a run saw: answers by kind and status, and every rule broken (the first 50 in full). */
    public record Result(int cases, Map<String, Integer> statuses, int failureCount, List<String> failures,
                         long created, double seconds) {

        public String summary() {
            return cases + " cases in " + String.format("%.1f", seconds) + " s, " + created + " leads created; "
                    + "answers " + statuses + "; " + failureCount + " failures";
        }
    }

    public Result run(long seed, int cases) {
        HostileLeads leads = new HostileLeads(seed);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failureCount = 0;
        long created = 0;
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            HostileLeads.Case next = leads.next();
            long before = storedLeads.getAsLong();
            Answer answer = send(next);
            long stored = storedLeads.getAsLong() - before;
            statuses.merge(next.kind() + " " + answer.status, 1, Integer::sum);
            String broken = check(next, answer, stored);
            created += Math.max(0, stored);
            if (broken != null) {
                failureCount++;
                if (failures.size() < FAILURES_KEPT) {
                    failures.add("case " + next.number() + " (seed " + seed + ", " + next.description() + "): "
                            + broken + "; answer " + answer.status + " " + answer.contentType + " "
                            + abbreviate(answer.body));
                }
            }
        }
        return new Result(cases, statuses, failureCount, failures, created, (System.nanoTime() - started) / 1e9);
    }

    /** The rule the answer breaks, or null. */
    private static String check(HostileLeads.Case sent, Answer answer, long stored) {
        if (answer.status >= 500 || answer.status < 0) {
            return "server error";
        }
        if (answer.status >= 400 && !answer.contentType.startsWith("application/problem+json")) {
            return "error answer is not application/problem+json";
        }
        long expected;
        if (answer.status == 201) {
            expected = 1;
        } else if (sent.kind() == HostileLeads.Kind.CSV && answer.status == 200) {
            JsonNode report = answer.json();
            if (report == null || !report.has("created") || !report.has("rejected") || !report.has("errors")) {
                return "import answer is not a report";
            }
            if (report.get("errors").size() > 100) {
                return "import report lists more than 100 row errors";
            }
            if (report.get("rejected").asLong() != report.get("errors").size()
                    + report.path("errorsOmitted").asLong()) {
                return "rejected is not errors listed + errorsOmitted";
            }
            expected = report.get("created").asLong();
        } else {
            expected = 0;
        }
        return stored == expected ? null : "stored " + stored + " leads, the answer says " + expected;
    }

    private Answer send(HostileLeads.Case sent) {
        boolean json = sent.kind() == HostileLeads.Kind.JSON;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + (json ? "/api/leads" : "/api/leads/import")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", json ? "application/json" : "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException failed) {
            return new Answer(-1, "", "no answer: " + failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                return null;
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
