package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Every role against every endpoint that reads leads, statistics, imports or teams: exactly what
 * each is answered. Five leads are posted and routed through the real process, each to a rep
 * chosen by making only that rep available:
 *
 * <table>
 * <tr><th>lead</th><th>state</th><th>posted by</th><th>owner (team)</th></tr>
 * <tr><td>carlsLead</td><td>CA</td><td>admin</td><td>carl.lin (west)</td></tr>
 * <tr><td>vickisLead</td><td>CA</td><td>admin</td><td>vicki.laflamme (west)</td></tr>
 * <tr><td>annasLead</td><td>TX</td><td>admin</td><td>anna.snelling (central)</td></tr>
 * <tr><td>postedByCarl</td><td>TX</td><td>carl.lin</td><td>anna.snelling (central)</td></tr>
 * <tr><td>intakesLead</td><td>NY</td><td>the intake account</td><td>a rep of east</td></tr>
 * </table>
 *
 * Lists are compared with what the rule, written as SQL here, selects from the whole (shared)
 * database, so {@code totalElements} is checked exactly, not only for these five leads.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadAccessMatrixTest {

    static final String INTAKE_USER = "matrix-intake";
    static final String OPS_USER = "matrix-ops";
    static final String MONITORING_USER = "matrix-monitoring";
    static final String PASSWORD = "Matrix-Password-2026";

    /** A caller of the API and the demo or test credentials it logs in with. */
    record Caller(String user, String password) {
        @Override
        public String toString() {
            return user;
        }
    }

    static final Caller ADMIN = new Caller("admin", "admin");
    static final Caller SALES_OPS = new Caller("sam.ops", "demo");
    static final Caller WEST_MANAGER = new Caller("celia.rouche", "demo");
    static final Caller WEST_REP = new Caller("carl.lin", "demo");
    static final Caller CENTRAL_REP = new Caller("anna.snelling", "demo");
    static final Caller INTAKE = new Caller(INTAKE_USER, PASSWORD);
    static final Caller OPS = new Caller(OPS_USER, PASSWORD);
    static final Caller MONITORING = new Caller(MONITORING_USER, PASSWORD);
    static final List<Caller> EVERYONE = List.of(ADMIN, SALES_OPS, WEST_MANAGER, WEST_REP, CENTRAL_REP, INTAKE, OPS,
            MONITORING);

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Lead name (as in the class comment) to id. */
    final Map<String, String> leads = new LinkedHashMap<>();
    String intakesImport;

    @BeforeAll
    void postAndRouteFiveLeads() {
        user(INTAKE_USER, Roles.INTAKE);
        user(OPS_USER, Roles.OPS);
        user(MONITORING_USER, Roles.MONITORING);
        try {
            onlyAvailable("west", "carl.lin");
            leads.put("carlsLead", postAndRoute(ADMIN, "carlsLead", "CA"));
            onlyAvailable("west", "vicki.laflamme");
            leads.put("vickisLead", postAndRoute(ADMIN, "vickisLead", "CA"));
            onlyAvailable("central", "anna.snelling");
            leads.put("annasLead", postAndRoute(ADMIN, "annasLead", "TX"));
            leads.put("postedByCarl", postAndRoute(WEST_REP, "postedByCarl", "TX"));
            leads.put("intakesLead", postAndRoute(INTAKE, "intakesLead", "NY"));
        } finally {
            driver.allRepsAvailable();
        }
        assertThat(owner("carlsLead")).isEqualTo("carl.lin");
        assertThat(owner("vickisLead")).isEqualTo("vicki.laflamme");
        assertThat(owner("annasLead")).isEqualTo("anna.snelling");
        assertThat(owner("postedByCarl")).isEqualTo("anna.snelling");
        assertThat(driver.lead(leads.get("intakesLead")).get("team").asText()).isEqualTo("east");

        // an import whose only row is rejected: its status shows the row's values, and it adds no lead
        ResponseEntity<JsonNode> imported = as(INTAKE).postForEntity("/api/imports",
                new HttpEntity<>("email,company,country\nnot-an-email-" + run + ",Secret Prospects Inc,Canada\n",
                        headers("text/csv")), JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        intakesImport = imported.getBody().get("id").asText();
    }

    /** Who reads which of the five leads; everyone reads their visible leads with e-mail and phone. */
    Map<Caller, Set<String>> readable() {
        Map<Caller, Set<String>> readable = new LinkedHashMap<>();
        readable.put(ADMIN, leads.keySet());
        readable.put(SALES_OPS, leads.keySet());
        readable.put(WEST_MANAGER, Set.of("carlsLead", "vickisLead"));
        readable.put(WEST_REP, Set.of("carlsLead", "postedByCarl"));
        readable.put(CENTRAL_REP, Set.of("annasLead", "postedByCarl"));
        readable.put(INTAKE, Set.of("intakesLead"));
        readable.put(OPS, Set.of());
        readable.put(MONITORING, Set.of());
        return readable;
    }

    /** The same rules over the whole database: the ids each caller's list must hold, no more, no fewer. */
    Set<String> allReadableBy(Caller caller) {
        String where = switch (caller.user()) {
            case "admin", "sam.ops" -> "1 = 1";
            case "celia.rouche" -> "team_id = 'west' or owner_id = 'celia.rouche' or submitted_by = 'celia.rouche'";
            default -> "owner_id = '" + caller.user() + "' or submitted_by = '" + caller.user() + "'";
        };
        return new HashSet<>(jdbc.queryForList("select id from leads where " + where, String.class));
    }

    @Test
    void oneLeadIsReadByThoseItConcernsAndIsNotFoundForEveryoneElse() {
        readable().forEach((caller, visible) -> leads.forEach((name, id) -> {
            ResponseEntity<JsonNode> answer = as(caller).getForEntity("/api/leads/" + id, JsonNode.class);
            if (visible.contains(name)) {
                assertThat(answer.getStatusCode()).as("%s reads %s", caller, name).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("id").asText()).isEqualTo(id);
                assertContactData(answer.getBody(), true, caller + " " + name);
            } else {
                assertNotFound(answer, id, caller + " " + name);
            }
        }));
    }

    @Test
    void aLeadThatIsNotYoursAnswersExactlyLikeOneThatDoesNotExist() {
        String missing = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> none = as(WEST_REP).getForEntity("/api/leads/" + missing, JsonNode.class);
        ResponseEntity<JsonNode> notYours = as(WEST_REP).getForEntity("/api/leads/" + leads.get("vickisLead"),
                JsonNode.class);

        assertNotFound(none, missing, "missing");
        assertNotFound(notYours, leads.get("vickisLead"), "vicki's lead for carl");
        assertThat(notYours.getBody().size()).isEqualTo(none.getBody().size());
        assertThat(notYours.getBody().get("title")).isEqualTo(none.getBody().get("title"));
        assertThat(notYours.getBody().get("type")).isEqualTo(none.getBody().get("type"));
    }

    @Test
    void routingExplanationsFollowTheSameRules() {
        readable().forEach((caller, visible) -> leads.forEach((name, id) -> {
            ResponseEntity<JsonNode> answer = as(caller).getForEntity("/api/leads/" + id + "/routing", JsonNode.class);
            if (visible.contains(name)) {
                assertThat(answer.getStatusCode()).as("%s reads routing of %s", caller, name).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("decisions")).as("%s %s", caller, name).isNotEmpty();
            } else {
                assertNotFound(answer, id, caller + " routing of " + name);
            }
        }));
    }

    @Test
    void timelinesFollowTheSameRules() {
        readable().forEach((caller, visible) -> leads.forEach((name, id) -> {
            ResponseEntity<JsonNode> answer = as(caller).getForEntity("/api/leads/" + id + "/timeline", JsonNode.class);
            if (visible.contains(name)) {
                assertThat(answer.getStatusCode()).as("%s reads timeline of %s", caller, name).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("events").findValuesAsText("type")).as("%s %s", caller, name)
                        .containsExactly("RECEIVED", "ROUTED");
            } else {
                assertNotFound(answer, id, caller + " timeline of " + name);
            }
        }));
    }

    @Test
    void listsHoldExactlyTheReadableLeadsAndCountOnlyThem() {
        long allLeads = jdbc.queryForObject("select count(*) from leads", Long.class);
        readable().forEach((caller, visible) -> {
            Set<String> expected = allReadableBy(caller);
            Map<String, JsonNode> listed = listAll(caller, expected.size());

            assertThat(listed.keySet()).as("%s's list", caller).isEqualTo(expected);
            leads.forEach((name, id) -> {
                assertThat(listed.containsKey(id)).as("%s lists %s", caller, name).isEqualTo(visible.contains(name));
                if (listed.containsKey(id)) {
                    assertContactData(listed.get(id), true, caller + " list " + name);
                }
            });
        });
        assertThat(allReadableBy(WEST_REP).size()).as("carl reads fewer than all").isLessThan((int) allLeads);
        assertThat(listAll(INTAKE, 1).keySet()).containsExactly(leads.get("intakesLead"));
        assertThat(listAll(OPS, 0)).isEmpty();
    }

    @Test
    void pagingIsOverTheReadableLeadsOnly() {
        int carls = allReadableBy(WEST_REP).size();

        JsonNode first = as(WEST_REP).getForObject("/api/leads?size=1&page=0", JsonNode.class);
        JsonNode received = as(WEST_REP).getForObject("/api/leads?size=1&status=RECEIVED", JsonNode.class);
        JsonNode ofVicki = as(WEST_REP).getForObject("/api/leads?owner=vicki.laflamme", JsonNode.class);

        assertThat(first.get("content")).hasSize(1);
        assertThat(first.get("totalElements").asLong()).isEqualTo(carls);
        assertThat(first.get("totalPages").asInt()).isEqualTo(carls);
        assertThat(received.get("totalElements").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from leads where status = 'RECEIVED' and (owner_id = 'carl.lin' or submitted_by = 'carl.lin')",
                Long.class));
        assertThat(ofVicki.get("totalElements").asLong()).as("filtering by another owner shows nothing").isZero();
        assertThat(ofVicki.get("content")).isEmpty();
    }

    @Test
    void aTeamThatSharesShowsItsRepsEachOthersLeadsWithoutContactData() {
        share("west", true);
        try {
            JsonNode vickis = as(WEST_REP).getForObject("/api/leads/" + leads.get("vickisLead"), JsonNode.class);
            assertThat(vickis.get("owner").asText()).isEqualTo("vicki.laflamme");
            assertThat(vickis.get("lastName").asText()).isEqualTo("vickisLead");
            assertContactData(vickis, false, "carl reads vicki's lead");
            assertContactData(as(WEST_REP).getForObject("/api/leads/" + leads.get("carlsLead"), JsonNode.class), true,
                    "carl's own");
            assertContactData(as(WEST_MANAGER).getForObject("/api/leads/" + leads.get("vickisLead"), JsonNode.class),
                    true, "the manager's team");
            assertThat(as(WEST_REP).getForEntity("/api/leads/" + leads.get("vickisLead") + "/routing", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as(WEST_REP).getForEntity("/api/leads/" + leads.get("vickisLead") + "/timeline", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            Set<String> expected = new HashSet<>(jdbc.queryForList(
                    "select id from leads where team_id = 'west' or owner_id = 'carl.lin' or submitted_by = 'carl.lin'",
                    String.class));
            Map<String, JsonNode> listed = listAll(WEST_REP, expected.size());
            assertThat(listed.keySet()).isEqualTo(expected);
            assertContactData(listed.get(leads.get("vickisLead")), false, "vicki's lead in carl's list");
            assertContactData(listed.get(leads.get("carlsLead")), true, "carl's lead in his list");
            assertThat(listed).doesNotContainKey(leads.get("annasLead"));
            assertNotFound(as(CENTRAL_REP).getForEntity("/api/leads/" + leads.get("carlsLead"), JsonNode.class),
                    leads.get("carlsLead"), "west shares with west only");
        } finally {
            share("west", false);
        }
        assertNotFound(as(WEST_REP).getForEntity("/api/leads/" + leads.get("vickisLead"), JsonNode.class),
                leads.get("vickisLead"), "sharing off again");
    }

    @Test
    void postingAnExternalIdThatExistsAnswersTheLeadOnlyToThoseWhoMayReadIt() {
        String carlsLead = leads.get("carlsLead");
        Set<String> readers = Set.of("admin", "sam.ops", "celia.rouche", "carl.lin");
        for (Caller caller : EVERYONE) {
            ResponseEntity<JsonNode> answer = as(caller).postForEntity("/api/leads",
                    new HttpEntity<>(leadJson("carlsLead", "CA"), headers(MediaType.APPLICATION_JSON_VALUE)),
                    JsonNode.class);
            if (readers.contains(caller.user())) {
                assertThat(answer.getStatusCode()).as(caller.user()).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("id").asText()).isEqualTo(carlsLead);
            } else {
                assertThat(answer.getStatusCode()).as(caller.user()).isEqualTo(HttpStatus.CONFLICT);
                assertProblem(answer);
                assertThat(answer.getBody().get("detail").asText()).contains("A lead with this externalId exists");
                assertThat(answer.getBody().has("id")).isFalse();
                assertThat(answer.getBody().toString()).doesNotContain(carlsLead, "carl.lin", "@matrix-");
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from leads where external_id = ?", Long.class,
                externalId("carlsLead"))).isEqualTo(1);
    }

    @Test
    void repStatisticsAreAllForSalesOpsTheirOwnRepsForAManagerAndTheirOwnRowForARep() {
        for (Caller caller : List.of(ADMIN, SALES_OPS)) {
            assertThat(rows(caller, "/api/stats/reps", "reps", "rep").keySet()).as(caller.user())
                    .contains("carl.lin", "vicki.laflamme", "anna.snelling");
        }
        Map<String, JsonNode> celias = rows(WEST_MANAGER, "/api/stats/reps", "reps", "rep");
        assertThat(celias.keySet()).as("her own reps; carl.lin is summer.sewald's, anna.snelling in central")
                .contains("vicki.laflamme").doesNotContain("carl.lin", "anna.snelling");
        assertThat(celias.keySet()).as("every row is a rep she is named manager of").allSatisfy(rep -> assertThat(
                jdbc.queryForObject("select manager_id from reps where id = ?", String.class, rep))
                .isEqualTo("celia.rouche"));
        assertThat(rows(WEST_REP, "/api/stats/reps", "reps", "rep").keySet()).containsExactly("carl.lin");
        assertThat(rows(CENTRAL_REP, "/api/stats/reps", "reps", "rep").keySet()).containsExactly("anna.snelling");
        for (Caller caller : List.of(INTAKE, OPS, MONITORING)) {
            assertForbidden(as(caller).getForEntity("/api/stats/reps", JsonNode.class), LeadAccess.WHO_READS_REP_STATS,
                    caller.user());
        }
    }

    @Test
    void teamStatisticsAreAllForSalesOpsTheirTeamsForAManagerAndForbiddenToReps() {
        for (Caller caller : List.of(ADMIN, SALES_OPS)) {
            assertThat(rows(caller, "/api/stats/teams", "teams", "team").keySet()).as(caller.user())
                    .contains("west", "central", "east");
        }
        assertThat(rows(WEST_MANAGER, "/api/stats/teams", "teams", "team").keySet()).containsExactly("west");
        for (Caller caller : List.of(WEST_REP, CENTRAL_REP, INTAKE, OPS, MONITORING)) {
            assertForbidden(as(caller).getForEntity("/api/stats/teams", JsonNode.class),
                    LeadAccess.WHO_READS_TEAM_STATS, caller.user());
        }
    }

    @Test
    void anImportsStatusIsReadByItsSubmitterAndAdminsOnly() {
        for (Caller caller : EVERYONE) {
            ResponseEntity<JsonNode> answer = as(caller).getForEntity("/api/imports/" + intakesImport, JsonNode.class);
            if (caller == INTAKE || caller == ADMIN) {
                assertThat(answer.getStatusCode()).as(caller.user()).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody().get("submittedBy").asText()).isEqualTo(INTAKE_USER);
            } else {
                assertThat(answer.getStatusCode()).as(caller.user()).isEqualTo(HttpStatus.NOT_FOUND);
                assertProblem(answer);
                assertThat(answer.getBody().toString()).doesNotContain("not-an-email", "Secret Prospects");
            }
        }
    }

    @Test
    void teamsAreListedForSalesUsersAndChangedBySalesOpsAndAdminsOnly() {
        for (Caller caller : EVERYONE) {
            ResponseEntity<JsonNode> list = as(caller).getForEntity("/api/teams", JsonNode.class);
            ResponseEntity<JsonNode> change = as(caller).exchange("/api/teams/west", HttpMethod.PATCH,
                    new HttpEntity<>("{\"shareLeads\": false}", headers(MediaType.APPLICATION_JSON_VALUE)),
                    JsonNode.class);
            boolean salesUser = !List.of(INTAKE, OPS, MONITORING).contains(caller);
            boolean teamAdmin = caller == ADMIN || caller == SALES_OPS;

            if (salesUser) {
                assertThat(list.getStatusCode()).as("%s lists", caller).isEqualTo(HttpStatus.OK);
                assertThat(list.getBody().findValuesAsText("id")).contains("central", "east", "west");
            } else {
                assertThat(list.getStatusCode()).as("%s lists", caller).isEqualTo(HttpStatus.FORBIDDEN);
                assertProblem(list);
            }
            if (teamAdmin) {
                assertThat(change.getStatusCode()).as("%s changes", caller).isEqualTo(HttpStatus.OK);
                assertThat(change.getBody().get("shareLeads").asBoolean()).isFalse();
            } else {
                assertThat(change.getStatusCode()).as("%s changes", caller).isEqualTo(HttpStatus.FORBIDDEN);
                assertProblem(change);
            }
        }
    }

    // --- helpers

    private TestRestTemplate as(Caller caller) {
        return driver.as(caller.user(), caller.password());
    }

    private void user(String id, String group) {
        driver.ensureUser(id, PASSWORD, group);
    }

    private void onlyAvailable(String team, String repId) {
        driver.setAvailability(team, false);
        Rep rep = reps.findById(repId).orElseThrow();
        rep.setAvailable(true, java.time.Instant.now());
        reps.save(rep);
    }

    private String externalId(String name) {
        return "matrix-" + run + "-" + name;
    }

    private String leadJson(String name, String state) {
        return """
                {"externalId": "%s", "firstName": "Grace", "lastName": "%s",
                 "email": "grace@matrix-%s-%s.com", "phone": "+14155550100", "company": "Matrix %s %s Systems",
                 "country": "USA", "state": "%s", "industry": "Technology", "employees": 2500,
                 "annualRevenue": 250000000, "product": "gtx pro", "source": "reference"}"""
                .formatted(externalId(name), name, run, name.toLowerCase(), run, name, state);
    }

    private String postAndRoute(Caller caller, String name, String state) {
        ResponseEntity<JsonNode> posted = as(caller).postForEntity("/api/leads",
                new HttpEntity<>(leadJson(name, state), headers(MediaType.APPLICATION_JSON_VALUE)), JsonNode.class);
        assertThat(posted.getStatusCode()).as("%s posts %s", caller, name).isEqualTo(HttpStatus.CREATED);
        assertContactData(posted.getBody(), true, "the submitter's answer");
        driver.runJobs();
        return posted.getBody().get("id").asText();
    }

    private String owner(String name) {
        return driver.lead(leads.get(name)).path("owner").asText();
    }

    private void share(String team, boolean share) {
        ResponseEntity<JsonNode> changed = as(SALES_OPS).exchange("/api/teams/" + team, HttpMethod.PATCH,
                new HttpEntity<>("{\"shareLeads\": " + share + "}", headers(MediaType.APPLICATION_JSON_VALUE)),
                JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("shareLeads").asBoolean()).isEqualTo(share);
    }

    /** Every page of the caller's list, by id; checks that each page's total is the expected count. */
    private Map<String, JsonNode> listAll(Caller caller, int expectedTotal) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = as(caller).getForObject("/api/leads?size=200&page=" + page, JsonNode.class);
            assertThat(answer.get("totalElements").asLong()).as("%s's totalElements", caller).isEqualTo(expectedTotal);
            answer.get("content").forEach(lead -> all.put(lead.get("id").asText(), lead));
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    private Map<String, JsonNode> rows(Caller caller, String path, String list, String key) {
        ResponseEntity<JsonNode> answer = as(caller).getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s %s", caller, path).isEqualTo(HttpStatus.OK);
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        answer.getBody().get(list).forEach(row -> rows.put(row.get(key).asText(), row));
        return rows;
    }

    private static void assertContactData(JsonNode lead, boolean present, String what) {
        if (present) {
            assertThat(lead.path("email").asText()).as("e-mail: %s", what).startsWith("grace@matrix-");
            assertThat(lead.path("phone").asText()).as("phone: %s", what).isEqualTo("+14155550100");
        } else {
            assertThat(lead.path("email").isMissingNode() || lead.get("email").isNull()).as("no e-mail: %s", what)
                    .isTrue();
            assertThat(lead.path("phone").isMissingNode() || lead.get("phone").isNull()).as("no phone: %s", what)
                    .isTrue();
            assertThat(lead.toString()).as(what).doesNotContain("grace@matrix-", "+14155550100");
        }
    }

    private static void assertNotFound(ResponseEntity<JsonNode> answer, String id, String what) {
        assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(answer);
        assertThat(answer.getBody().get("title").asText()).as(what).isEqualTo("Lead not found");
        assertThat(answer.getBody().get("detail").asText()).as(what).isEqualTo("No lead with id '" + id + "'");
    }

    private static void assertForbidden(ResponseEntity<JsonNode> answer, String whoMay, String what) {
        assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(answer);
        assertThat(answer.getBody().get("detail").asText()).as(what).isEqualTo(whoMay);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem+json, not %s", answer.getHeaders().getContentType()).isTrue();
    }

    private static HttpHeaders headers(String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return headers;
    }
}
