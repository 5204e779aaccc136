package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.RawHttp;

/**
 * Bulk imports on a database of their own: the thousands of leads they create wait for jobs
 * that no test runs, and must not reach the shared test database. Their files: an upload over the
 * limit or aborted leaves none, a finished import's file is removed.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:import-test;DB_CLOSE_DELAY=-1",
                // its own engine name: the shared test context's REST API and webapps find theirs as "default"
                "camunda.bpm.process-engine-name=import-test",
                // a small limit, so that going past it is quick to send
                "leadrouter.limits.bulk-import=1MB"})
@ActiveProfiles("test")
class BulkImportTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    ImportWorker worker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BulkImports bulkImports;
    @LocalServerPort
    int port;

    private static final String RESUME_LEADS = "select count(*) from leads where email like 'grace%@resume-%'";

    @Test
    void fiveThousandRowImportCompletesWithCorrectCountsAndRowErrorsByLine() throws Exception {
        StringBuilder csv = new StringBuilder("First Name,Last Name,Email Address,Company Name,Country,Lead Source\n");
        for (int row = 1; row <= 5000; row++) {
            if (row % 500 == 0) {
                csv.append("Bad,Row,not-an-email,Nowhere Ltd,Germany,Web Form\n"); // line row + 1
            } else {
                csv.append("Ada,No").append(row).append(",ada").append(row).append("@bulk-").append(row)
                        .append(".com,Bulk ").append(row).append(" GmbH,Germany,Web Form\n");
            }
        }

        ResponseEntity<JsonNode> accepted = post(csv.toString());

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = accepted.getBody().get("id").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/imports/" + importId);
        JsonNode done = awaitStatus(importId, s -> s.get("state").asText().equals("DONE"), Duration.ofMinutes(3));
        assertThat(done.get("sourceMapping").asText()).as("no source named: the default mapping").isEqualTo("default");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(5000);
        assertThat(done.get("created").asLong()).isEqualTo(4990);
        assertThat(done.get("existing").asLong()).isZero();
        assertThat(done.get("rejected").asLong()).isEqualTo(10);
        assertThat(done.get("errors")).hasSize(10);
        assertThat(done.get("errors").get(0).get("line").asInt()).isEqualTo(501);
        assertThat(done.get("errors").get(0).get("errors").get(0).get("field").asText()).isEqualTo("Email Address");
        assertThat(done.get("errors").get(9).get("line").asInt()).isEqualTo(5001);
        assertThat(leadsOf(importId)).isEqualTo(4990);
        Path upload = bulkImports.file(importId + ".csv");
        awaitFiles(files -> !files.contains(upload), "the finished import's upload removed");
    }

    @Test
    void importStoppedMidwayResumesWhereItCommittedAndCreatesNoDuplicates() throws Exception {
        StringBuilder csv = new StringBuilder("externalId,email,company,country\n");
        for (int row = 1; row <= 600; row++) {
            // every other row brings its own externalId, the others get import:<id>:<line>
            csv.append(row % 2 == 0 ? "crm-" + UUID.randomUUID() : "").append(",grace").append(row)
                    .append("@resume-").append(row).append(".com,Resume ").append(row).append(" Inc,Canada\n");
        }
        String importId = post(csv.toString()).getBody().get("id").asText();
        awaitStatus(importId, s -> s.get("rowsRead").asLong() >= 100, Duration.ofMinutes(1));

        worker.stop(); // as a crash: the chunk in progress rolls back
        JsonNode stopped = status(importId);
        assertThat(stopped.get("state").asText()).isEqualTo("RUNNING");
        long committed = stopped.get("rowsRead").asLong();
        assertThat(committed).isBetween(100L, 599L);
        assertThat(count(RESUME_LEADS)).isEqualTo(committed);

        worker.start(); // as the next start of the node: unfinished imports resume
        JsonNode done = awaitStatus(importId, s -> s.get("state").asText().equals("DONE"), Duration.ofMinutes(2));

        assertThat(done.get("rowsRead").asLong()).isEqualTo(600);
        assertThat(done.get("created").asLong()).isEqualTo(600);
        assertThat(done.get("existing").asLong()).isZero();
        assertThat(count(RESUME_LEADS)).isEqualTo(600);
        assertThat(count(RESUME_LEADS.replace("count(*)", "count(distinct email)"))).isEqualTo(600);
        assertThat(leadsOf(importId)).isEqualTo(300);
        Path upload = bulkImports.file(importId + ".csv");
        awaitFiles(files -> !files.contains(upload), "the finished import's upload removed");
    }

    @Test
    void rowsWithValuesPastTheirColumnsAreRowErrorsTheImportGoesOnAndListsTheFirstHundred() {
        StringBuilder csv = new StringBuilder("Email,Company,Revenue\n");
        csv.append("ok1@bulk-values.com,Values One,1000\n");                        // line 2
        csv.append("ok2@bulk-values.com,Values Two,99999999999999999.995\n");       // line 3: rounds past the column
        csv.append("ok3@bulk-values.com,Values Three,1e-100001\n");                 // line 4: 0.00
        csv.append("ok4@bulk-values.com,Values Four,1,2,3\n");                      // line 5: more values than columns
        for (int row = 0; row < 120; row++) {
            csv.append("not-an-email-").append(row).append(",Bad ").append(row).append(",1\n");
        }
        csv.append("ok5@bulk-values.com,Values Five,1e309\n");                      // line 126
        csv.append("ok6@bulk-values.com,Values Six,5\n");                           // line 127

        String importId = post(csv.toString()).getBody().get("id").asText();
        JsonNode done = awaitStatus(importId, s -> !s.get("state").asText().matches("QUEUED|RUNNING"),
                Duration.ofMinutes(1));

        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(126);
        assertThat(done.get("created").asLong()).isEqualTo(3);
        assertThat(done.get("rejected").asLong()).isEqualTo(123);
        assertThat(done.get("errors")).hasSize(100);
        assertThat(done.get("errorsOmitted").asLong()).isEqualTo(23);
        assertThat(done.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(done.get("errors").get(0).get("errors").get(0).get("field").asText()).isEqualTo("Revenue");
        assertThat(done.get("errors").get(1).get("errors").get(0).get("field").asText()).isEqualTo("csv");
        assertThat(count("select count(*) from leads where email like '%@bulk-values.com'")).isEqualTo(3);
    }

    @Test
    void uploadGrowingPastTheLimitAnswers413AndLeavesNoFile() throws Exception {
        Set<Path> before = uploads();
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", "/api/imports", RawHttp.basic("admin", "admin")
                    + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n");
            byte[] rows = "Ada,Lovelace,ada@limit.example.org,Limit Ltd,Germany,Web Form\n".repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            Future<?> sending = Executors.newSingleThreadExecutor().submit(() -> {
                try {
                    for (int chunk = 0; chunk < 200; chunk++) { // 12 MB
                        connection.sendChunk(rows);
                    }
                } catch (IOException closedByServer) {
                    // the server answered and closed
                }
                return null;
            });

            RawHttp.Response response = connection.readResponse(Duration.ofSeconds(30));

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"limit\":\"bulk-import\"", "\"maxBytes\":1048576");
            sending.get(30, TimeUnit.SECONDS);
        }
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void abortedUploadLeavesNoFile() throws Exception {
        Set<Path> before = uploads();
        try (RawHttp connection = new RawHttp(port)) {
            connection.sendHead("POST", "/api/imports", RawHttp.basic("admin", "admin")
                    + "Content-Type: text/csv\r\nContent-Length: 900000\r\n");
            connection.send("email,company\n".concat("grace@aborted.example.org,Aborted Inc\n".repeat(5000))
                    .getBytes(StandardCharsets.UTF_8));
            awaitFiles(files -> files.size() > before.size(), "the partial upload");
        } // the client goes away mid-upload
        awaitFiles(before::equals, "no upload left");
    }

    @Test
    void leftoversOfACrashAreRemovedButNotAnUploadInProgress() throws Exception {
        Path partial = bulkImports.file(UUID.randomUUID() + ".csv.part");
        Path orphan = bulkImports.file(UUID.randomUUID() + ".csv");
        Path fresh = bulkImports.file(UUID.randomUUID() + ".csv.part");
        Files.createDirectories(partial.getParent());
        for (Path file : List.of(partial, orphan, fresh)) {
            Files.writeString(file, "email\nleft@over.example.org\n");
        }
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(partial, twoHoursAgo);
        Files.setLastModifiedTime(orphan, twoHoursAgo);

        bulkImports.removeLeftovers();

        assertThat(partial).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(fresh).as("an upload that may still be in progress").exists();
        Files.delete(fresh);
    }

    private Set<Path> uploads() throws IOException {
        Path directory = bulkImports.file("x").getParent();
        if (!Files.isDirectory(directory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toSet());
        }
    }

    private void awaitFiles(Predicate<Set<Path>> reached, String what) {
        await(what).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(this::uploads, reached);
    }

    @Test
    void unknownImportAnswers404() {
        assertThat(driver.admin().getForEntity("/api/imports/nope", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private long leadsOf(String id) {
        return count("select count(*) from leads where external_id like ?", "import:" + id + ":%");
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private ResponseEntity<JsonNode> post(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return driver.admin().postForEntity("/api/imports", new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private JsonNode status(String id) {
        return driver.admin().getForObject("/api/imports/" + id, JsonNode.class);
    }

    private JsonNode awaitStatus(String id, Predicate<JsonNode> reached, Duration timeout) {
        return await("import " + id).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> status(id), reached);
    }
}
