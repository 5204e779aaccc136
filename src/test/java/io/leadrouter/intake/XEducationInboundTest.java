package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.SharedData;

/**
 * Issue 13's measure on real inbound leads: the 7,374 leads of the X Education data set, posted
 * with their own columns through the shipped example mapping ({@code x-education}) as one bulk
 * import, and routed by the job executor as in production, on a database of its own. At least
 * 95 % must reach a routing outcome without a person (a rep's Work lead, nurture, disqualified,
 * merged), and the Review lead queue may hold only leads the review policy held, each with its
 * reasons. The shares are written to {@code target/x-education-inbound.txt}; the README quotes them.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:x-education;DB_CLOSE_DELAY=-1",
                // its own engine name: the shared test context's REST API and webapps find theirs as "default"
                "camunda.bpm.process-engine-name=x-education",
                // routed as in production, by the job executor
                "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
class XEducationInboundTest {

    private static final int LEADS = 7_374;

    /** Statuses a lead reaches without a person: routing's outcomes. */
    private static final List<String> WITHOUT_A_PERSON = List.of("ASSIGNED", "NURTURE", "DISQUALIFIED", "MERGED");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @Test
    void atLeast95PercentOfRealInboundLeadsReachARoutingOutcomeWithoutAPerson() throws IOException {
        Path file = SharedData.require("x-education-leads/leads.csv");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> accepted = driver.admin().postForEntity("/api/imports?source=x-education",
                new HttpEntity<>(new FileSystemResource(file), headers), JsonNode.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String importId = accepted.getBody().get("id").asText();

        JsonNode done = await("the import").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> driver.admin().getForObject("/api/imports/" + importId, JsonNode.class),
                        status -> !status.get("state").asText().matches("QUEUED|RUNNING"));
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("rowsRead").asInt()).isEqualTo(LEADS);
        assertThat(done.get("created").asInt()).as("every row is a lead: " + done).isEqualTo(LEADS);

        await("routing of every lead").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                .until(() -> management.createJobQuery().executable().count() == 0
                        && management.createJobQuery().withException().count() == 0
                        && unsettled() == 0);
        assertThat(management.createJobQuery().withException().count()).as("failed routing jobs").isZero();

        Map<String, Integer> byStatus = new TreeMap<>();
        jdbc.query("select status, count(*) from leads group by status",
                row -> {
                    byStatus.put(row.getString(1), row.getInt(2));
                });
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int withoutAPerson = WITHOUT_A_PERSON.stream().mapToInt(status -> byStatus.getOrDefault(status, 0)).sum();
        int held = byStatus.getOrDefault("IN_REVIEW", 0);

        // every held lead was held by the review policy, with its reasons on the timeline
        Integer heldWithReasons = jdbc.queryForObject("""
                select count(distinct l.id) from leads l join lead_events e on e.lead_id = l.id
                where l.status = 'IN_REVIEW' and e.event_type = 'HELD_FOR_REVIEW'""", Integer.class);
        Map<String, Integer> heldFor = new TreeMap<>();
        jdbc.query("select problem_codes, count(*) from leads where status = 'IN_REVIEW' group by problem_codes",
                row -> {
                    heldFor.put(String.valueOf(row.getString(1)), row.getInt(2));
                });
        Map<String, Integer> notedProblems = new TreeMap<>();
        jdbc.query("select problem_codes, count(*) from leads where status <> 'IN_REVIEW' group by problem_codes",
                row -> {
                    notedProblems.put(String.valueOf(row.getString(1)), row.getInt(2));
                });
        Map<String, Integer> countrySources = new TreeMap<>();
        jdbc.query("select country_source, count(*) from leads group by country_source",
                row -> {
                    countrySources.put(String.valueOf(row.getString(1)), row.getInt(2));
                });

        Map<String, String> report = new LinkedHashMap<>();
        report.put("leads", String.valueOf(total));
        report.put("routing outcome without a person", share(withoutAPerson, total));
        byStatus.forEach((status, count) -> report.put("  " + status, share(count, total)));
        report.put("held for review, by problem codes", heldFor.toString());
        report.put("routed with problems noted, by problem codes", notedProblems.toString());
        report.put("country source", countrySources.toString());
        StringBuilder text = new StringBuilder("X Education inbound leads through ?source=x-education\n");
        report.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "x-education-inbound.txt"), text);

        assertThat(total).isEqualTo(LEADS);
        assertThat(heldWithReasons).as("held leads with the policy's reasons on their timeline").isEqualTo(held);
        assertThat((double) withoutAPerson / total).as(text.toString()).isGreaterThanOrEqualTo(0.95);
    }

    /** Leads still on their way: received and neither routed nor waiting in a user task yet. */
    private int unsettled() {
        Integer received = jdbc.queryForObject("select count(*) from leads where status = 'RECEIVED'", Integer.class);
        long waitingForAssignment = tasks.createTaskQuery().taskDefinitionKey("AssignLeadManually").count();
        return received - (int) waitingForAssignment;
    }

    private static String share(int count, int total) {
        return String.format(Locale.ROOT, "%d (%.1f %%)", count, 100.0 * count / total);
    }
}
