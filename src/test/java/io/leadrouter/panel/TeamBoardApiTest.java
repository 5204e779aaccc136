package io.leadrouter.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.engine.Identities;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.security.Roles;
import io.leadrouter.sla.SlaFixture;

/**
 * The manager's team board ({@code GET /api/me/team-board}, {@code GET /api/teams/{id}/board}) and
 * what it reassigns with ({@code GET /api/leads/{id}/reassign-options}, {@code GET
 * /api/tasks/{taskId}/lead}): a manager sees exactly their own reps, not another manager's reps of
 * the same team; the counts are those of the leads routed through the process; away, overdue and
 * this month's figures follow the engine clock. A team of its own per test, in the past.
 */
@IntegrationTest
class TeamBoardApiTest {

    /** A Monday; the fixture's reps work around the clock in UTC. */
    private static final Instant BASE = Instant.parse("2024-06-03T10:00:00Z");
    private static final String PASSWORD = "board-test";

    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    Identities identities;
    @Autowired
    TaskService tasks;
    @Autowired
    LeadRepository leads;
    @Autowired
    JdbcTemplate jdbc;

    private String team;
    private String manager;
    private String otherManager;
    private String ann;
    private String bob;
    private String cy;
    private String dee;

    @BeforeEach
    void aTeamWithTwoManagers() {
        long unique = System.nanoTime();
        manager = "board.boss." + unique;
        otherManager = "board.other." + unique;
        team = fixture.team(manager, "ann", "bob", "cy", "dee");
        ann = SlaFixture.repId("ann", team);
        bob = SlaFixture.repId("bob", team);
        cy = SlaFixture.repId("cy", team);
        dee = SlaFixture.repId("dee", team);
        jdbc.update("update reps set manager_id = ? where id = ?", otherManager, dee);
        identities.createGroupIfMissing(team, "Test team " + team, "WORKFLOW");
        driver.ensureUser(manager, PASSWORD, Roles.MANAGERS, team);
        driver.ensureUser(otherManager, PASSWORD, Roles.MANAGERS, team);
        for (String rep : List.of(ann, bob, cy, dee)) {
            driver.ensureUser(rep, PASSWORD, team);
        }
        fixture.setClock(BASE);
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void aManagersBoardShowsExactlyTheirOwnRepsWithTheCountsOfTheRoutedLeads() {
        List<String> routed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            routed.add(routedLead());
        }
        Map<String, Long> given = routed.stream().map(this::owner)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String won = routed.get(0);
        String winner = owner(won);
        fixture.setClock(BASE.plus(Duration.ofMinutes(10)));
        tasks.complete(driver.taskOf(won).getId(), Map.of("outcome", "CONVERTED", "dealValue", 500));
        Instant backOn = BASE.plus(Duration.ofDays(2));
        assertThat(send(manager, HttpMethod.POST, "/api/reps/" + bob + "/absences", """
                {"startsAt": "%s", "endsAt": "%s", "reason": "vacation"}""".formatted(BASE.minusSeconds(3600), backOn))
                .getStatusCode()).as("the rep's manager plans their absence").isEqualTo(HttpStatus.CREATED);
        assertThat(send(manager, HttpMethod.PUT, "/api/reps/" + cy + "/availability", "{\"available\": false}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode mine = get(manager, "/api/me/team-board");

        assertThat(mine.get("manager").asBoolean()).isTrue();
        assertThat(mine.get("reassigns").asBoolean()).isTrue();
        Map<String, JsonNode> rows = rows(mine.get("board"));
        assertThat(rows.keySet()).as("exactly their own reps: dee is another manager's").containsExactly(ann, bob, cy);
        for (String rep : List.of(ann, bob, cy)) {
            JsonNode row = rows.get(rep);
            long open = given.getOrDefault(rep, 0L) - (rep.equals(winner) ? 1 : 0);
            assertThat(row.get("load").get("openLeads").get("count").asLong()).as(rep + " open").isEqualTo(open);
            assertThat(row.get("load").get("today").get("count").asLong()).as(rep + " today")
                    .isEqualTo(given.getOrDefault(rep, 0L));
            assertThat(row.get("load").get("thisWeek").get("count").asLong()).isEqualTo(given.getOrDefault(rep, 0L));
            assertThat(row.get("leads")).as(rep + " leads listed").hasSize((int) open);
            assertThat(row.get("overdue").asLong()).isZero();
            assertThat(row.get("thisMonth").get("conversions").asLong()).isEqualTo(rep.equals(winner) ? 1 : 0);
        }
        assertThat(rows.get(winner).get("thisMonth").get("slaMetRate").asDouble()).isEqualTo(1.0);
        assertThat(rows.get(ann).has("away")).as("ann takes leads").isFalse();
        assertThat(rows.get(bob).get("away").get("kind").asText()).isEqualTo("ABSENT");
        assertThat(Instant.parse(rows.get(bob).get("away").get("until").asText())).isEqualTo(backOn);
        assertThat(rows.get(bob).get("away").get("reason").asText()).isEqualTo("vacation");
        assertThat(rows.get(cy).get("away").get("kind").asText()).isEqualTo("MARKED_AWAY");
        assertThat(rows(get(otherManager, "/api/me/team-board").get("board")).keySet()).containsExactly(dee);
        assertThat(rows(get(otherManager, "/api/me/team-board").get("board")).get(dee).get("load").get("openLeads")
                .get("count").asLong()).isEqualTo(given.getOrDefault(dee, 0L) - (dee.equals(winner) ? 1 : 0));

        // two days on, every lead still waiting for its rep is past its response deadline
        fixture.setClock(BASE.plus(Duration.ofDays(2)));
        Map<String, JsonNode> later = rows(get(manager, "/api/me/team-board").get("board"));
        for (String rep : List.of(ann, bob, cy)) {
            long open = given.getOrDefault(rep, 0L) - (rep.equals(winner) ? 1 : 0);
            assertThat(later.get(rep).get("overdue").asLong()).as(rep + " overdue").isEqualTo(open);
            later.get(rep).get("leads").forEach(lead -> assertThat(lead.get("overdue").asBoolean()).isTrue());
        }
        assertThat(later.get(bob).has("away")).as("bob is back").isFalse();
    }

    @Test
    void salesOpsOpenAnyTeamsBoardManagersAndRepsNone() {
        routedLead();

        ResponseEntity<JsonNode> bySalesOps = driver.as("sam.ops", "demo")
                .getForEntity("/api/teams/" + team + "/board", JsonNode.class);
        JsonNode salesOpsOwn = driver.as("sam.ops", "demo").getForObject("/api/me/team-board", JsonNode.class);
        ResponseEntity<JsonNode> byManager = client(manager).getForEntity("/api/teams/" + team + "/board",
                JsonNode.class);
        JsonNode repsOwn = get(ann, "/api/me/team-board");

        assertThat(bySalesOps.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rows(bySalesOps.getBody()).keySet()).containsExactly(ann, bob, cy, dee);
        assertThat(salesOpsOwn.get("manager").asBoolean()).isFalse();
        assertThat(salesOpsOwn.get("reassigns").asBoolean()).isTrue();
        assertThat(salesOpsOwn.get("teams").findValuesAsText("id")).contains(team, "west", "east", "central");
        assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byManager.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(repsOwn.get("manager").asBoolean()).isFalse();
        assertThat(repsOwn.get("reassigns").asBoolean()).isFalse();
        assertThat(repsOwn.has("board")).isFalse();
        assertThat(client(ann).getForEntity("/api/teams/" + team + "/board", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(driver.as("sam.ops", "demo").getForEntity("/api/teams/no-such-team/board", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theBoardsReassignOffersTheManagersOwnRepsAndMovesTheLead() {
        String lead = routedLeadOf(ann);
        String taskId = driver.taskOf(lead).getId();
        String strangerTeam = fixture.team("board.stranger." + System.nanoTime(), "eve");
        String stranger = "board.stranger.user." + System.nanoTime();
        identities.createGroupIfMissing(strangerTeam, "Test team " + strangerTeam, "WORKFLOW");
        driver.ensureUser(stranger, PASSWORD, Roles.MANAGERS, strangerTeam);

        assertThat(get(manager, "/api/tasks/" + taskId + "/lead").get("id").asText()).isEqualTo(lead);
        assertThat(client(stranger).getForEntity("/api/tasks/" + taskId + "/lead", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client(manager).getForEntity("/api/tasks/no-such-task/lead", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode options = get(manager, "/api/leads/" + lead + "/reassign-options");
        JsonNode notTheirs = get(otherManager, "/api/leads/" + lead + "/reassign-options");
        JsonNode salesOps = driver.as("sam.ops", "demo").getForObject("/api/leads/" + lead + "/reassign-options",
                JsonNode.class);

        assertThat(options.get("mayReassign").asBoolean()).isTrue();
        assertThat(options.get("lead").get("owner").asText()).isEqualTo(ann);
        assertThat(options.get("reps").findValues("rep").stream().map(rep -> rep.get("id").asText()))
                .containsExactlyInAnyOrder(ann, bob, cy);
        options.get("reps").forEach(choice -> assertThat(choice.get("current").asBoolean())
                .isEqualTo(choice.get("rep").get("id").asText().equals(ann)));
        assertThat(notTheirs.get("mayReassign").asBoolean()).as("another manager of the team reads, not reassigns")
                .isFalse();
        assertThat(notTheirs.get("reps")).isEmpty();
        assertThat(salesOps.get("reps").findValues("rep").stream().map(rep -> rep.get("id").asText()))
                .containsExactlyInAnyOrder(ann, bob, cy, dee);
        assertThat(client(stranger).getForEntity("/api/leads/" + lead + "/reassign-options", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        long bobsBefore = openLeads(bob);
        ResponseEntity<JsonNode> moved = send(manager, HttpMethod.POST, "/api/leads/" + lead + "/reassign",
                "{\"to\": \"" + bob + "\", \"reason\": \"Ann is in a workshop all day\"}");

        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(openLeads(bob)).isEqualTo(bobsBefore + 1);
        assertThat(rows(get(manager, "/api/me/team-board").get("board")).get(bob).get("leads")
                .findValuesAsText("id")).contains(lead);
        assertThat(driver.taskOf(lead).getAssignee()).isEqualTo(bob);
    }

    @Test
    void aRepsAbsencesAndSettingsAreForTheRepTheirManagerAndSalesOpsNotAnotherManager() {
        String path = "/api/reps/" + ann;

        assertThat(client(manager).getForEntity(path + "/absences", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(client(ann).getForEntity(path + "/absences", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(client(bob).getForEntity(path + "/absences", JsonNode.class).getStatusCode())
                .as("a teammate").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client(otherManager).getForEntity(path + "/absences", JsonNode.class).getStatusCode())
                .as("another manager of the team").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(otherManager, HttpMethod.PATCH, path, "{\"weight\": 3}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(otherManager, HttpMethod.PUT, path + "/availability", "{\"available\": false}")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(manager, HttpMethod.PATCH, path, "{\"weight\": 3}").getBody().get("weight").asInt())
                .isEqualTo(3);
        assertThat(driver.as("sam.ops", "demo").getForEntity(path + "/absences", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private String routedLead() {
        String lead = fixture.lead("WARM");
        fixture.routeAndStart(lead, team);
        return lead;
    }

    /** A lead routed round-robin until one lands with the rep (the others stay with their reps). */
    private String routedLeadOf(String rep) {
        for (int i = 0; i < 4; i++) {
            String lead = routedLead();
            if (rep.equals(owner(lead))) {
                return lead;
            }
        }
        throw new AssertionError("round-robin never gave " + rep + " a lead");
    }

    private String owner(String lead) {
        return leads.require(lead).getOwnerId();
    }

    private long openLeads(String rep) {
        return rows(driver.as("sam.ops", "demo").getForObject("/api/teams/" + team + "/board", JsonNode.class))
                .get(rep).get("load").get("openLeads").get("count").asLong();
    }

    private static Map<String, JsonNode> rows(JsonNode board) {
        Map<String, JsonNode> rows = new java.util.LinkedHashMap<>();
        board.get("reps").forEach(row -> rows.put(row.get("rep").get("id").asText(), row));
        return rows;
    }

    private TestRestTemplate client(String user) {
        return driver.as(user, PASSWORD);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = client(user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(user + " GET " + path + ": " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client(user).exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }
}
