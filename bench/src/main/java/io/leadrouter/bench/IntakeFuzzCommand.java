package io.leadrouter.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.intake.IntakeFuzz;

/**
 * The long intake fuzz run ({@code bench/run.sh fuzz [--cases 20000] [--seed S]}): the build's
 * {@code IntakeFuzzTest} generator and checks against the packaged jar (fresh H2 data dir, or
 * {@code --db postgres}) or a running instance ({@code --url}). Prints the answers by status,
 * every failure (5xx, an error that is not problem+json, a refused lead stored) and exits 1 if
 * there was one. A failing seed replays in the build with {@code -Dfuzz.seed}.
 */
public final class IntakeFuzzCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeFuzzCommand() {
    }

    public static void main(String[] args) throws Exception {
        int cases = 20_000;
        long seed = System.currentTimeMillis();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--cases") && i + 1 < args.length) {
                cases = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seed") && i + 1 < args.length) {
                seed = Long.parseLong(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        BenchOptions options = BenchOptions.parse(rest.toArray(String[]::new));
        String run = "fuzz-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        boolean ok;
        AppUnderTest app = options.url() != null ? AppUnderTest.running(options.url())
                : AppUnderTest.start(options, run);
        try {
            System.out.println("Lead Router intake fuzz: " + cases + " cases, seed " + seed + ", against "
                    + app.description + " at " + app.url + " as " + options.user());
            IntakeFuzz fuzz = new IntakeFuzz(app.url, options.user(), options.password(),
                    () -> storedLeads(app.url, options.user(), options.password()));
            IntakeFuzz.Result result = fuzz.run(seed, cases);
            System.out.println(result.summary());
            result.statuses().forEach((status, count) -> System.out.printf("  %-10s %7d%n", status, count));
            long serverErrors = result.statuses().entrySet().stream()
                    .filter(entry -> entry.getKey().matches(".* (5\\d\\d|-1)")).mapToLong(entry -> entry.getValue()).sum();
            System.out.println("5xx or no answer: " + serverErrors);
            result.failures().forEach(failure -> System.out.println("FAILURE " + failure));
            if (result.failureCount() > result.failures().size()) {
                System.out.println("… and " + (result.failureCount() - result.failures().size()) + " more failures");
            }
            ok = result.failureCount() == 0;
        } finally {
            app.close();
            if (options.url() == null && options.db().equals("postgres")) {
                AppUnderTest.dropPostgres(options, run);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Every lead the app holds, as the user sees them (an admin sees all): the API's total. */
    private static long storedLeads(String url, String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/leads?size=1"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/leads answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("totalElements").asLong();
        } catch (IOException failed) {
            throw new IllegalStateException("cannot count the stored leads", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
