package io.leadrouter.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The embedded default (H2 file database) keeps every lead it acknowledged through a
 * {@code kill -9} right after the last answer: H2 writes commits to its file in the background,
 * so the intake waits for that write before it answers 201 (storage/DurableAcknowledgements).
 * Without the wait, a test like this one lost 10 of 60 leads.
 */
class EmbeddedDurabilityIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyAcknowledgedLeadSurvivesAKillNineOfTheEmbeddedDefault() throws Exception {
        Path data = Files.createTempDirectory("leadrouter-durability-");
        try (AppNode node = new AppNode("embedded-durability", Map.of("LEADROUTER_DATA_DIR", data.toString()))) {
            node.start().awaitHealthy(Duration.ofMinutes(3));
            int acknowledged = 0;
            for (int i = 1; i <= 60; i++) {
                AppNode.Response posted = node.postJson("/api/leads", "admin", "admin", """
                        {"externalId": "durable-%d", "email": "buyer%d@durable-%d.com", "company": "Durable %d",
                         "country": "US", "state": "CA"}""".formatted(i, i, i, i));
                assertThat(posted.status()).as(posted.body()).isEqualTo(201);
                acknowledged++;
            }
            node.kill();

            node.start().awaitHealthy(Duration.ofMinutes(3));
            JsonNode leads = json.readTree(node.get("/api/leads?size=200", "admin", "admin").body());
            assertThat(leads.get("totalElements").asInt()).isEqualTo(acknowledged);
            for (int i = 1; i <= 60; i += 59) {
                AppNode.Response again = node.postJson("/api/leads", "admin", "admin", """
                        {"externalId": "durable-%d", "email": "buyer%d@durable-%d.com", "company": "Durable %d",
                         "country": "US", "state": "CA"}""".formatted(i, i, i, i));
                assertThat(again.status()).as("lead %d is known after the restart", i).isEqualTo(200);
            }
        }
    }
}
