package io.leadrouter.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.stats.PrometheusScrape;

/**
 * The packaged jar on a fresh PostgreSQL database (profile postgres, demo organisation): Liquibase
 * creates Camunda's schema from the engine's changelog before the engine starts, Flyway Lead
 * Router's tables, and a lead posted to the API is routed to a rep's Work lead task.
 */
class PostgresIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void routesALeadEndToEndOnAFreshPostgresDatabase() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create();
             AppNode node = new AppNode("postgres-it", database.nodeEnvironment(),
                     "--spring.profiles.active=postgres")) {
            node.start().awaitHealthy(Duration.ofMinutes(4));

            assertThat(database.rows("select version_ from act_ge_schema_log").stream()
                    .map(row -> (String) row.get("version_"))).contains("7.24.0");
            assertThat(database.count("select count(*) from databasechangelog where tag = '7.24.0'")).isEqualTo(1);
            assertThat(database.count("select count(*) from pg_indexes where tablename = 'act_ru_job' "
                    + "and indexname = 'act_idx_lr_job_duedate'")).as("job acquisition index").isEqualTo(1);
            assertThat(database.count("select count(*) from flyway_schema_history where success and version is not null"))
                    .isEqualTo(database.count("select count(*) from flyway_schema_history where version is not null"))
                    .isGreaterThanOrEqualTo(3);
            JsonNode health = json.readTree(node.get("/actuator/health", null, null).body());
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/processEngine/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/jobExecutor/status").asText()).isEqualTo("UP");

            AppNode.Response posted = node.postJson("/api/leads", "admin", "admin", """
                    {"externalId": "pg-1", "firstName": "Grace", "lastName": "Hopper",
                     "email": "grace@navy-systems-pg.com", "company": "Navy Systems PG", "country": "United States",
                     "state": "CA", "industry": "technology", "employees": 2500, "annualRevenue": 250000000,
                     "product": "GTX Pro", "source": "Reference"}""");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String id = json.readTree(posted.body()).get("id").asText();

            JsonNode lead = awaitAssigned(node, id, Duration.ofMinutes(2));
            assertThat(lead.get("team").asText()).isEqualTo("west");
            JsonNode task = json.readTree(node.get("/engine-rest/task?processInstanceBusinessKey=" + id, "admin",
                    "admin").body());
            assertThat(task).hasSize(1);
            assertThat(task.get(0).get("taskDefinitionKey").asText()).isEqualTo("WorkLead");
            assertThat(task.get(0).get("assignee").asText()).isEqualTo(lead.get("owner").asText());
            String owner = lead.get("owner").asText();
            assertThat(database.count("select open_leads from rep_rotation where rep_id = ?", owner))
                    .as("the owner's open-lead count, kept by the PL/pgSQL trigger")
                    .isEqualTo(database.count("select count(*) from leads where owner_id = ? and status = 'ASSIGNED'",
                            owner))
                    .isPositive();

            // the meters on PostgreSQL: routing's counter, and the open-work gauges' one grouped query over
            // Lead Router's and Camunda's tables (read again at most every 5 s)
            PrometheusScrape scrape = await("the open-lead gauge counts the routed lead").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> PrometheusScrape.parse(node.call("GET", "/actuator/prometheus", "admin", "admin", null,
                                    Map.of("Accept", "text/plain")).body()),
                            read -> read.value("leadrouter_leads_open", "team", "west", "status", "ASSIGNED") >= 1);
            assertThat(scrape.value("leadrouter_leads_routed_total", "team", "west")).isEqualTo(1);
            assertThat(scrape.value("leadrouter_time_to_assign_seconds_count", "team", "west")).isEqualTo(1);
            assertThat(scrape.samples()).filteredOn(sample -> sample.name().equals("leadrouter_queue_size"))
                    .hasSize(3).allSatisfy(sample -> assertThat(sample.value()).isNotNaN());

            // the demo's conversion model on PostgreSQL: trained on the bundled history at the first start,
            // it scores an X Education lead; the B2B lead above gives it too little to judge (the rules did)
            assertThat(lead.has("conversionProbability")).as("the B2B lead: %s", lead).isFalse();
            assertThat(database.count("select count(*) from scoring_models where status = 'PUBLISHED'")).isEqualTo(1);
            assertThat(database.count("select count(*) from leads where status = 'HISTORY'")).isEqualTo(7374);
            AppNode.Response xEducation = node.postJson("/api/leads?source=x-education", "admin", "admin", """
                    {"Prospect ID": "xe-1", "Lead Origin": "Landing Page Submission", "Lead Source": "Google",
                     "TotalVisits": "5", "Total Time Spent on Website": "1620", "Page Views Per Visit": "5",
                     "Last Activity": "SMS Sent", "Country": "India", "Specialization": "Finance Management",
                     "What is your current occupation": "Working Professional", "City": "Mumbai"}""");
            assertThat(xEducation.status()).as(xEducation.body()).isEqualTo(201);
            String xEducationId = json.readTree(xEducation.body()).get("id").asText();
            JsonNode scored = await("the X Education lead scored by the model").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> json.readTree(node.get("/api/leads/" + xEducationId, "admin", "admin").body()),
                            read -> read.has("conversionProbability"));
            System.out.println("An X Education lead on PostgreSQL, as the API answers it: " + scored);
            assertThat(scored.get("scoringModelVersion").asInt()).isEqualTo(1);
            assertThat(scored.get("scoreFactors")).hasSize(5);
        }
    }

    private JsonNode awaitAssigned(AppNode node, String id, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return await("lead " + id + " assigned").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        last.set(json.readTree(node.get("/api/leads/" + id, "admin", "admin").body()));
                        return last.get();
                    }, lead -> "ASSIGNED".equals(lead.path("status").asText()));
        } catch (ConditionTimeoutException notAssigned) {
            throw new AssertionError("Lead not assigned within " + timeout + ": " + last.get() + "\n"
                    + node.logTail(40), notAssigned);
        }
    }
}
