package io.leadrouter.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadAccess;
import io.leadrouter.security.Roles;
import io.leadrouter.sla.SlaFixture;

/**
 * {@code GET /api/stats/routing}, the ops dashboard's routing health, over two teams of their own
 * on a morning of their own: a lead routed to team A at 10:00 and two at 10:01, one to team B at
 * 10:01, and an incident on one of team A's leads. Team A's manager sees team A only (its three
 * leads, its incident), team B's manager team B only, sales ops, admins and ops every team, and a
 * rep nothing (403).
 */
@IntegrationTest
class RoutingHealthApiTest {

    private static final String PASSWORD = "Routing-health-1";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;

    private final List<String> incidents = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        incidents.forEach(runtime::resolveIncident);
        fixture.cleanUp();
    }

    @Test
    void aManagerSeesHerTeamsRoutingSalesOpsAndOpsEveryTeamsARepNone() {
        String teamA = fixture.team("mia.health", "ann", "bob");
        String teamB = fixture.team("max.health", "cid");
        manager("mia.health", teamA);
        manager("max.health", teamB);
        driver.ensureUser("olga.health", PASSWORD, Roles.OPS);

        fixture.setClock(Instant.parse("2023-03-07T10:00:10Z"));
        String first = fixture.lead("HOT");
        fixture.routeAndStart(first, teamA);
        fixture.setClock(Instant.parse("2023-03-07T10:01:30Z"));
        fixture.routeAndStart(fixture.lead("WARM"), teamA);
        fixture.routeAndStart(fixture.lead("COLD"), teamA);
        fixture.routeAndStart(fixture.lead("HOT"), teamB);
        Incident incident = runtime.createIncident("leadRouterTest", driver.taskOf(first).getExecutionId(),
                "a failure on team A's lead");
        incidents.add(incident.getId());
        fixture.setClock(Instant.parse("2023-03-07T10:05:20Z"));

        JsonNode mia = routing("mia.health", PASSWORD);
        assertThat(texts(mia.get("teams"))).containsExactly(teamA);
        assertThat(mia.get("windowMinutes").asInt()).isEqualTo(60);
        assertThat(mia.get("routedPerMinute")).hasSize(60);
        assertThat(mia.get("routedPerMinute").get(59).get("minute").asText()).isEqualTo("2023-03-07T10:05:00Z");
        assertThat(routedAt(mia, "2023-03-07T10:00:00Z")).isEqualTo(1);
        assertThat(routedAt(mia, "2023-03-07T10:01:00Z")).isEqualTo(2);
        assertThat(mia.get("routedInWindow").asLong()).isEqualTo(3);
        assertThat(mia.get("openIncidents").asLong()).as("the incident on her team's lead").isEqualTo(1);

        JsonNode max = routing("max.health", PASSWORD);
        assertThat(texts(max.get("teams"))).containsExactly(teamB);
        assertThat(routedAt(max, "2023-03-07T10:01:00Z")).isEqualTo(1);
        assertThat(max.get("routedInWindow").asLong()).isEqualTo(1);
        assertThat(max.get("openIncidents").asLong()).as("team A's incident is not his").isZero();

        for (JsonNode everyTeam : List.of(routing("sam.ops", "demo"), routing("olga.health", PASSWORD))) {
            assertThat(texts(everyTeam.get("teams"))).contains(teamA, teamB, "east", "west", "central");
            assertThat(routedAt(everyTeam, "2023-03-07T10:01:00Z")).isEqualTo(3);
            assertThat(everyTeam.get("routedInWindow").asLong()).isEqualTo(4);
            assertThat(everyTeam.get("openIncidents").asLong()).isEqualTo(runtime.createIncidentQuery().count());
        }

        ResponseEntity<JsonNode> rep = driver.as("carl.lin", "demo").getForEntity("/api/stats/routing", JsonNode.class);
        assertThat(rep.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rep.getBody().get("detail").asText()).isEqualTo(LeadAccess.WHO_READS_ROUTING_HEALTH);
    }

    /** A manager of the team: a member of {@code managers} and of the team's group, as the demo's managers are. */
    private void manager(String id, String team) {
        if (identity.createGroupQuery().groupId(team).count() == 0) {
            Group group = identity.newGroup(team);
            group.setName(team);
            identity.saveGroup(group);
        }
        driver.ensureUser(id, PASSWORD, Roles.MANAGERS, team);
    }

    private JsonNode routing(String user, String password) {
        ResponseEntity<JsonNode> answer = driver.as(user, password).getForEntity("/api/stats/routing", JsonNode.class);
        assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static long routedAt(JsonNode health, String minute) {
        for (JsonNode row : health.get("routedPerMinute")) {
            if (row.get("minute").asText().equals(minute)) {
                return row.get("routed").asLong();
            }
        }
        throw new AssertionError("no minute " + minute + " in " + health);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
