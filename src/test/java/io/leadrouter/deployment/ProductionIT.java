package io.leadrouter.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged jar as production runs it (profiles postgres,prod): it refuses to start without
 * the admin password, and with it starts with safe defaults.
 */
class ProductionIT {

    private static final String ADMIN_PASSWORD = "Adm1n-it-Secret!";
    private static final String INTAKE_PASSWORD = "Int4ke-it-Secret!";

    private static PostgresDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void freshDatabase() {
        database = PostgresDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void refusesToStartWithoutTheAdminPassword() {
        Map<String, String> environment = production();
        environment.remove("LEADROUTER_ADMIN_PASSWORD");
        try (AppNode node = new AppNode("prod-no-admin-password", environment)) {
            int exit = node.start().awaitExit(Duration.ofMinutes(3));

            assertThat(exit).isNotZero();
            assertThat(node.log()).contains("Refusing to start with the prod profile: LEADROUTER_ADMIN_PASSWORD is not set");
        }
    }

    @Test
    void startsWithSafeDefaults() throws Exception {
        try (AppNode node = new AppNode("prod", production())) {
            node.start().awaitHealthy(Duration.ofMinutes(4));

            assertThat(node.get("/api/leads", null, null).status()).isEqualTo(401);
            assertThat(node.get("/engine-rest/task", null, null).status()).isEqualTo(401);
            assertThat(node.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
            AppNode.Response metrics = node.call("GET", "/actuator/prometheus", "admin", ADMIN_PASSWORD, null,
                    Map.of("Accept", "text/plain"));
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("hikaricp_connections_active");
            assertThat(node.postJson("/camunda/api/admin/setup/default/user/create", null, null, "{}").status())
                    .isEqualTo(403);

            AppNode.Response posted = node.postJson("/api/leads", "intake", INTAKE_PASSWORD,
                    "{\"email\": \"buyer@prod-it.com\", \"country\": \"US\", \"state\": \"CA\"}");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            assertThat(node.get("/engine-rest/task", "intake", INTAKE_PASSWORD).body()).isEqualTo("[]");
            // the access rules of the embedded default hold here too: the intake account reads what it
            // sent, nothing else, and no statistics
            String leadId = json.readTree(posted.body()).get("id").asText();
            assertThat(node.get("/api/leads/" + leadId, "intake", INTAKE_PASSWORD).status()).isEqualTo(200);
            AppNode.Response byAdmin = node.postJson("/api/leads", "admin", ADMIN_PASSWORD,
                    "{\"email\": \"other@prod-it.com\", \"country\": \"US\", \"state\": \"NY\"}");
            assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
            String adminsLead = json.readTree(byAdmin.body()).get("id").asText();
            assertThat(node.get("/api/leads/" + adminsLead, "intake", INTAKE_PASSWORD).status()).isEqualTo(404);
            assertThat(json.readTree(node.get("/api/leads", "intake", INTAKE_PASSWORD).body())
                    .get("totalElements").asLong()).isEqualTo(1);
            assertThat(node.get("/api/stats/reps", "intake", INTAKE_PASSWORD).status()).isEqualTo(403);

            JsonNode users = json.readTree(node.get("/engine-rest/user", "admin", ADMIN_PASSWORD).body());
            assertThat(users.findValuesAsText("id")).containsExactlyInAnyOrder("admin", "intake");
            assertThat(database.count("select count(*) from teams")).isZero();

            AppNode.Response webapp = node.call("GET", "/camunda/app/tasklist/default/", null, null, null,
                    Map.of("X-Forwarded-Proto", "https"));
            assertThat(webapp.status()).isEqualTo(200);
            assertThat(webapp.header("Strict-Transport-Security")).contains("max-age=");
            assertThat(webapp.headers().getOrDefault("set-cookie", List.of()))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN"))
                    .allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure\\b"));
            // last: a failed login delays the user's next one (Camunda's brute-force protection)
            assertThat(node.get("/api/reps", "admin", "admin").status()).as("the demo password").isEqualTo(401);
        }
    }

    private static Map<String, String> production() {
        Map<String, String> environment = new HashMap<>(database.nodeEnvironment());
        environment.put("SPRING_PROFILES_ACTIVE", "postgres,prod");
        environment.put("LEADROUTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("LEADROUTER_INTAKE_PASSWORD", INTAKE_PASSWORD);
        return environment;
    }
}
