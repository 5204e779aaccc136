package io.leadrouter.history;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.SharedData;
import io.leadrouter.analytics.AnalyticsFixture;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.security.Roles;

/**
 * {@code POST /api/history/leads?source=x-education} with the real X Education export (7,374 past
 * leads): each stored once as a closed lead with its outcome, never routed, in nobody's task list,
 * lead list or conversion figures; and who may call it, and what it refuses.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryImportApiTest {

    private static final String X_EDUCATION = "x-education-leads/leads.csv";
    private static final String CONVERSION = "/api/analytics/conversion?by=source";
    /** What sales ops read of the installation's leads: history must change none of it. */
    private static final List<String> FIGURES = List.of(CONVERSION, "/api/analytics/conversion?by=team",
            "/api/analytics/pending", "/api/analytics/forecast", "/api/stats/teams", "/api/stats/reps");

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    private String rep;
    private String manager;

    private long fileRows;
    private long fileConverted;
    private JsonNode first;
    private JsonNode second;
    private long importMillis;

    private final Map<String, JsonNode> figuresBefore = new LinkedHashMap<>();
    private long repLeadsBefore;
    private long managerLeadsBefore;
    private long salesOpsLeadsBefore;
    private long tasksBefore;
    private long processesBefore;

    /** Imports the export twice, with everything that must not change measured before. */
    @BeforeAll
    void importTheXEducationExportTwice() throws IOException {
        Path file = SharedData.require(X_EDUCATION);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        countOutcomes(csv);

        String team = fixture.team(rep("hana"));
        rep = repId("hana", team);
        manager = fixture.manager(team);
        // one instant for the whole class: figures that depend on the time read the same before and after
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        FIGURES.forEach(path -> figuresBefore.put(path, get(fixture.salesOps(), path)));
        repLeadsBefore = total(fixture.as(rep), "/api/leads");
        managerLeadsBefore = total(fixture.as(manager), "/api/leads");
        salesOpsLeadsBefore = total(fixture.salesOps(), "/api/leads");
        tasksBefore = tasks.createTaskQuery().count();
        processesBefore = runtime.createProcessInstanceQuery().count();

        long start = System.nanoTime();
        ResponseEntity<JsonNode> answer = post(fixture.salesOps(), "?source=x-education", csv);
        importMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        first = answer.getBody();
        second = post(fixture.salesOps(), "?source=x-education", csv).getBody();
        System.out.printf("History import of %d X Education rows: %d ms (second import: nothing stored)%n", fileRows,
                importMillis);
    }

    /** Other tests share the database: the history leads go again. */
    @AfterAll
    void removeTheHistory() {
        ClockUtil.reset();
        jdbc.update("delete from leads where status = 'HISTORY'");
    }

    private void countOutcomes(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            for (Map<String, String> row : rows.readAll()) {
                fileRows++;
                if ("1".equals(row.get("Converted"))) {
                    fileConverted++;
                }
            }
        }
    }

    @Test
    void everyRowOfTheExportIsStoredWithItsOutcome() {
        assertThat(fileRows).isEqualTo(7_374);
        assertThat(first.get("rows").asLong()).isEqualTo(fileRows);
        assertThat(first.get("stored").asLong()).isEqualTo(fileRows);
        assertThat(first.get("converted").asLong()).isEqualTo(fileConverted).isPositive();
        assertThat(first.get("refused").asLong()).isZero();
        assertThat(first.get("alreadyKnown").asLong()).isZero();
        assertThat(leads.count((lead, query, where) -> where.and(where.equal(lead.get("status"), LeadStatus.HISTORY),
                where.equal(lead.get("outcome"), LeadOutcome.CONVERTED)))).isEqualTo(fileConverted);
        assertThat(importMillis).as("7,374 rows in reasonable time").isLessThan(60_000);
    }

    @Test
    void importingTheSameFileAgainStoresNothing() {
        assertThat(second.get("stored").asLong()).isZero();
        assertThat(second.get("alreadyKnown").asLong()).isEqualTo(fileRows);
        assertThat(leads.count((lead, query, where) -> where.equal(lead.get("status"), LeadStatus.HISTORY)))
                .isEqualTo(fileRows);
    }

    @Test
    void aHistoryLeadIsClosedNormalisedAndNeverRouted() {
        Lead lead = leads.findAll((l, query, where) -> where.and(where.equal(l.get("status"), LeadStatus.HISTORY),
                where.equal(l.get("externalId"), "7927b2df-8bba-4d29-b9a2-b6e0beafe620"))).get(0);

        assertThat(lead.isHistory()).isTrue();
        assertThat(lead.getHistorySource()).isEqualTo("x-education");
        assertThat(lead.getHistoryOrder()).isEqualTo(660737L);
        assertThat(lead.getOutcome()).isEqualTo(LeadOutcome.LOST);
        assertThat(lead.getClosedAt()).isNotNull();
        assertThat(lead.getProcessInstanceId()).isNull();
        assertThat(lead.getOwnerId()).isNull();
        assertThat(lead.getTeamId()).isNull();
        assertThat(lead.getSlaDueAt()).isNull();
        assertThat(lead.getSourceMapping()).isEqualTo("x-education");
        assertThat(lead.getAttributes()).contains("\"leadNumber\":660737").doesNotContain("Converted", "Tags");
        assertThat(leads.findByExternalId(lead.getExternalId()).filter(Lead::isHistory))
                .as("not one of the installation's own leads").isEmpty();
    }

    @Test
    void historyLeadsAreInNoTaskListAndNoProcess() {
        assertThat(tasks.createTaskQuery().count()).isEqualTo(tasksBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void historyLeadsAreInNoConversionFigure() {
        JsonNode conversion = get(fixture.salesOps(), CONVERSION);
        assertThat(conversion.get("total")).isEqualTo(figuresBefore.get(CONVERSION).get("total"));
        assertThat(conversion.get("groups")).isEqualTo(figuresBefore.get(CONVERSION).get("groups"));
    }

    @Test
    void historyLeadsAreInNoPendingWorkForecastOrStatistics() {
        for (String path : FIGURES) {
            assertThat(get(fixture.salesOps(), path)).as(path).isEqualTo(figuresBefore.get(path));
        }
    }

    @Test
    void historyLeadsAreInNoRepsOrManagersLeadListAndSalesOpsListThemOnlyByTheirStatus() {
        assertThat(total(fixture.as(rep), "/api/leads")).isEqualTo(repLeadsBefore);
        assertThat(total(fixture.as(manager), "/api/leads")).isEqualTo(managerLeadsBefore);
        assertThat(total(fixture.as(rep), "/api/leads?status=HISTORY")).isZero();
        assertThat(total(fixture.as(manager), "/api/leads?status=HISTORY")).isZero();
        assertThat(total(fixture.salesOps(), "/api/leads")).isEqualTo(salesOpsLeadsBefore);
        assertThat(total(fixture.salesOps(), "/api/leads?status=HISTORY")).isEqualTo(fileRows);
    }

    @Test
    void onlySalesOpsAndAdminsMayImportHistory() {
        driver.ensureUser("ivo.intake", AnalyticsFixture.PASSWORD, Roles.INTAKE);
        String row = "Prospect ID,Lead Number,Converted\nhistory-by-role,1,1\n";
        try {
            for (TestRestTemplate caller : List.of(fixture.as(rep), fixture.as(manager), fixture.as("ivo.intake"))) {
                assertProblem(post(caller, "?source=x-education", row), HttpStatus.FORBIDDEN);
            }
            assertThat(leads.count((lead, query, where) -> where.equal(lead.get("externalId"), "history-by-role")))
                    .isZero();

            ResponseEntity<JsonNode> byAdmin = post(driver.admin(), "?source=x-education", row);
            assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(byAdmin.getBody().get("stored").asInt()).isEqualTo(1);
        } finally {
            jdbc.update("delete from leads where status = 'HISTORY' and external_id = 'history-by-role'");
        }
    }

    @Test
    void aSourceWhoseMappingHasNoHistoryPartIsRefusedWith422NamingTheFile() {
        ResponseEntity<JsonNode> answer = post(fixture.salesOps(), "?source=default", "email,Converted\na@b.io,1\n");

        assertProblem(answer, HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("detail").asText())
                .contains("source default does not say which column holds the outcome", "default.source.yaml");
    }

    @Test
    void aRequestWithoutSourceOrWithoutTheOutcomeColumnIsRefusedWith400() {
        assertProblem(post(fixture.salesOps(), "", "Prospect ID,Converted\nx,1\n"), HttpStatus.BAD_REQUEST);
        assertProblem(post(fixture.salesOps(), "?source=no-such-source", "Prospect ID,Converted\nx,1\n"),
                HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> noOutcome = post(fixture.salesOps(), "?source=x-education",
                "Prospect ID,Lead Number\nhistory-no-outcome,1\n");
        assertProblem(noOutcome, HttpStatus.BAD_REQUEST);
        assertThat(noOutcome.getBody().get("detail").asText()).contains("no column 'Converted'");
    }

    @Test
    void eachRefusedRowIsNamedByItsLineAndReason() {
        String csv = """
                Prospect ID,Lead Number,Converted,TotalVisits
                history-ok,10,1,3
                history-no-outcome,11,,3
                history-no-order,twelve,0,3
                ,13,0,3
                history-bad-visits,14,0,many
                """;

        JsonNode report;
        try {
            report = post(fixture.salesOps(), "?source=x-education", csv).getBody();
        } finally {
            // the other tests count the export's leads alone
            jdbc.update("delete from leads where status = 'HISTORY' and external_id like 'history-%'");
        }

        assertThat(report.get("stored").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(4);
        Map<String, JsonNode> byLine = AnalyticsFixture.byField(report.get("errors"), "line");
        assertThat(byLine).containsOnlyKeys("3", "4", "5", "6");
        assertThat(byLine.get("3").toString()).contains("Converted", "no outcome");
        assertThat(byLine.get("4").toString()).contains("Lead Number", "whole number");
        assertThat(byLine.get("5").toString()).contains("Prospect ID");
        assertThat(byLine.get("6").toString()).contains("TotalVisits", "must be a number");
    }

    private static ResponseEntity<JsonNode> post(TestRestTemplate caller, String query, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return caller.postForEntity("/api/history/leads" + query, new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private static JsonNode get(TestRestTemplate caller, String path) {
        return AnalyticsFixture.get(caller, path);
    }

    private static long total(TestRestTemplate caller, String path) {
        return get(caller, path).get("totalElements").asLong();
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
}
