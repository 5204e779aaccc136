package io.leadrouter.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.deployment.GrafanaDashboard;
import io.leadrouter.routing.LeadRouting;
import io.leadrouter.routing.RuleSource;
import io.leadrouter.security.Roles;
import io.leadrouter.sla.SlaFixture;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus} as the monitoring account: routing's
 * counters and time-to-assign histogram, the SLA's and the outcomes' counters and the open-work
 * gauges, moved by exactly what the test did (fresh teams of their own, or differences before and
 * after on the demo teams), and every metric the Grafana dashboard draws.
 */
@IntegrationTest
class PrometheusMetricsTest {

    private static final String SCRAPER = "prometheus.scraper";
    private static final String SCRAPER_PASSWORD = "Scrape-me-2024!";
    private static final String MANAGER = "celia.rouche";
    private static final String CALIFORNIA_LEAD = """
            {"firstName": "Grace", "lastName": "Hopper", "email": "grace@navy-systems-%s.com",
             "phone": "+1 415 555 0100", "company": "Navy Systems", "country": "USA", "state": "California",
             "industry": "Technology", "employees": 2500, "annualRevenue": 250000000, "product": "gtx pro",
             "source": "reference"}""";
    /** Held for review: a suspicious e-mail address. */
    private static final String SUSPICIOUS_LEAD = """
            {"firstName": "Kurt", "lastName": "Gödel", "email": "asdf@logic-%s.de", "phone": "+49 30 1234567",
             "company": "Logik GmbH", "country": "Germany", "industry": "software", "employees": 300,
             "product": "GTX Pro", "source": "Reference"}""";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRouting routing;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RuntimeService runtime;
    private final List<String> posted = new ArrayList<>();

    @BeforeEach
    void scraper() {
        driver.ensureUser(SCRAPER, SCRAPER_PASSWORD, Roles.MONITORING);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
        driver.allRepsAvailable();
        posted.forEach(lead -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true)));
    }

    @Test
    void onlyTheMonitoringOpsAndAdminAccountsMayScrape() {
        ResponseEntity<String> anonymous = driver.anonymous().getForEntity("/actuator/prometheus", String.class);
        ResponseEntity<String> rep = driver.as("anna.snelling", "demo").getForEntity("/actuator/prometheus",
                String.class);
        ResponseEntity<String> salesOps = driver.as("sam.ops", "demo").getForEntity("/actuator/prometheus",
                String.class);
        ResponseEntity<String> scraper = driver.as(SCRAPER, SCRAPER_PASSWORD).getForEntity("/actuator/prometheus",
                String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rep.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(salesOps.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scraper.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraper.getBody()).contains("leadrouter_outcomes_recorded_total", "leadrouter_queue_size",
                "leadrouter_leads_open");
        assertThat(driver.as(SCRAPER, SCRAPER_PASSWORD).getForEntity("/api/stats/teams", String.class)
                .getStatusCode()).as("the scraper reads no sales figures").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void routedLeadsCountOnceCommittedByTeamAndStrategyWithTheirTimeToAssign() {
        Instant start = Instant.parse("2024-05-06T09:00:00Z");
        fixture.setClock(start);
        String team = fixture.team(MANAGER, "ann", "bob");
        String quick = fixture.lead("HOT");
        fixture.setClock(start.plusSeconds(2));
        fixture.routeAndStart(quick, team);
        String slow = fixture.lead("WARM");
        fixture.setClock(start.plusSeconds(42));
        fixture.routeAndStart(slow, team);
        // a routing whose transaction rolls back (as when the engine retries its job) counts nothing
        String rolledBack = fixture.lead("COLD");
        transaction.executeWithoutResult(status -> {
            routing.route(roundRobin(rolledBack, team));
            status.setRollbackOnly();
        });

        PrometheusScrape scrape = scrape();

        assertThat(scrape.value("leadrouter_leads_routed_total", "team", team, "strategy", "round-robin"))
                .isEqualTo(2);
        assertThat(scrape.value("leadrouter_leads_routed_total", "team", team)).isEqualTo(2);
        assertThat(scrape.value("leadrouter_time_to_assign_seconds_count", "team", team)).isEqualTo(2);
        assertThat(scrape.value("leadrouter_time_to_assign_seconds_sum", "team", team)).as("2 s and 40 s")
                .isEqualTo(42);
        String time = "leadrouter_time_to_assign_seconds_bucket";
        assertThat(scrape.bucket(time, 1, "team", team)).isZero();
        assertThat(scrape.bucket(time, 2.5, "team", team)).isEqualTo(1);
        assertThat(scrape.bucket(time, 30, "team", team)).isEqualTo(1);
        assertThat(scrape.bucket(time, 60, "team", team)).isEqualTo(2);
        assertThat(scrape.bucket(time, Double.POSITIVE_INFINITY, "team", team)).isEqualTo(2);
        assertThat(scrape.value("leadrouter_routing_nobody_eligible_total", "team", team)).isZero();
    }

    @Test
    void remindersBreachesReassignmentsEscalationsAndOutcomesCountByTeam() {
        fixture.setClock(Instant.parse("2024-05-07T10:00:00Z"));
        PrometheusScrape before = scrape();
        String team = fixture.team(MANAGER, "ann", "bob");
        String lead = fixture.lead("HOT");
        fixture.routeAndStart(lead, team);

        // a team of two: the first breach reassigns the lead, the second leaves nobody new: escalated
        passDeadline(lead);
        passDeadline(lead);
        PrometheusScrape escalated = scrape();
        fixture.setClock(fixture.now().plus(Duration.ofMinutes(30)));
        driver.complete(driver.taskOf(lead), Map.of("outcome", "CONVERTED", "dealValue", 1200));
        PrometheusScrape converted = scrape();

        assertThat(escalated.value("leadrouter_leads_routed_total", "team", team))
                .as("a reassignment is no new lead routed").isEqualTo(1);
        assertThat(escalated.value("leadrouter_sla_reminders_total", "team", team)).isEqualTo(2);
        assertThat(escalated.value("leadrouter_sla_breaches_total", "team", team, "tier", "HOT")).isEqualTo(2);
        assertThat(escalated.value("leadrouter_leads_reassigned_total", "team", team, "reason", "sla-breach"))
                .isEqualTo(1);
        assertThat(escalated.value("leadrouter_leads_escalated_total", "team", team)).isEqualTo(1);
        assertThat(escalated.value("leadrouter_routing_nobody_eligible_total", "team", team))
                .as("nobody left after a breach escalates; it does not wait for manual assignment").isZero();
        assertThat(escalated.value("leadrouter_queue_size", "queue", "escalated")
                - before.value("leadrouter_queue_size", "queue", "escalated")).isEqualTo(1);
        assertThat(converted.value("leadrouter_queue_size", "queue", "escalated"))
                .isEqualTo(before.value("leadrouter_queue_size", "queue", "escalated"));
        assertThat(converted.value("leadrouter_outcomes_recorded_total", "outcome", "CONVERTED")
                - escalated.value("leadrouter_outcomes_recorded_total", "outcome", "CONVERTED")).isEqualTo(1);
        assertThat(converted.value("leadrouter_outcomes_recorded_total", "outcome", "LOST")
                - escalated.value("leadrouter_outcomes_recorded_total", "outcome", "LOST")).isZero();
    }

    @Test
    void reviewAndManualAssignmentQueuesAndOpenLeadsPerTeamFollowTheLeads() {
        String team = fixture.team(MANAGER, "dan");
        PrometheusScrape before = scrape();
        Instant start = fixture.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        fixture.setClock(start);
        driver.setAvailability("west", false);
        String waiting = driver.submitLead(CALIFORNIA_LEAD.formatted(unique()));
        String held = driver.submitLead(SUSPICIOUS_LEAD.formatted(unique()));
        posted.addAll(List.of(waiting, held));
        driver.runJobs();
        fixture.setClock(start.plusSeconds(10));
        PrometheusScrape queued = scrape();

        Task assign = driver.taskOf(waiting);
        fixture.setClock(start.plus(Duration.ofMinutes(10)));
        driver.complete(assign, Map.of("owner", SlaFixture.repId("dan", team)));
        fixture.setClock(start.plus(Duration.ofMinutes(11)));
        PrometheusScrape assigned = scrape();

        assertThat(difference(before, queued, "leadrouter_queue_size", "queue", "manual-assignment")).isEqualTo(1);
        assertThat(difference(before, queued, "leadrouter_queue_size", "queue", "review")).isEqualTo(1);
        assertThat(difference(before, queued, "leadrouter_routing_nobody_eligible_total", "team", "west"))
                .isEqualTo(1);
        assertThat(difference(before, queued, "leadrouter_leads_open", "team", "west", "status", "RECEIVED"))
                .isEqualTo(1);
        assertThat(difference(before, queued, "leadrouter_leads_open", "team", "none", "status", "IN_REVIEW"))
                .isEqualTo(1);

        assertThat(difference(before, assigned, "leadrouter_queue_size", "queue", "manual-assignment")).isZero();
        assertThat(difference(before, assigned, "leadrouter_leads_open", "team", "west", "status", "RECEIVED"))
                .isZero();
        assertThat(assigned.value("leadrouter_leads_open", "team", team, "status", "ASSIGNED")).isEqualTo(1);
        assertThat(assigned.value("leadrouter_leads_routed_total", "team", team, "strategy", "manual")).isEqualTo(1);
        assertThat(assigned.value("leadrouter_time_to_assign_seconds_count", "team", team)).isEqualTo(1);
        assertThat(assigned.value("leadrouter_time_to_assign_seconds_sum", "team", team))
                .as("received, then assigned by hand 10 minutes later").isEqualTo(600);
        assertThat(driver.lead(held).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void everyMetricTheGrafanaDashboardDrawsIsOneTheApplicationExposes() throws Exception {
        fixture.setClock(Instant.parse("2024-05-08T10:00:00Z"));
        String team = fixture.team(MANAGER, "ann", "bob");
        String lead = fixture.lead("HOT");
        fixture.routeAndStart(lead, team);
        passDeadline(lead);
        passDeadline(lead);
        String away = fixture.team(MANAGER, "cyd");
        driver.setAvailability(away, false);
        routing.route(roundRobin(fixture.lead("WARM"), away));
        // an API call before, so that the HTTP server's meters exist even when this test runs alone
        assertThat(driver.lead(lead).get("status").asText()).isEqualTo("ESCALATED");

        PrometheusScrape scrape = scrape();

        assertThat(GrafanaDashboard.read().metricNames()).isNotEmpty().allSatisfy(name ->
                assertThat(scrape.names()).as("scraped metric names").contains(name));
    }

    private PrometheusScrape scrape() {
        // the open-work gauges read the database again once the engine clock moved past their ttl
        fixture.setClock(fixture.now().plusSeconds(6));
        ResponseEntity<String> response = driver.as(SCRAPER, SCRAPER_PASSWORD).getForEntity("/actuator/prometheus",
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return PrometheusScrape.parse(response.getBody());
    }

    private void passDeadline(String leadId) {
        fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
        driver.runJobs();
    }

    private static LeadRouting.Command roundRobin(String leadId, String team) {
        return new LeadRouting.Command(leadId, "round-robin", List.of(), team, null,
                new RuleSource("Test rule", "routingRules", 1));
    }

    private static double difference(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
