package io.leadrouter.panel;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.routing.RoutingFixture;
import io.leadrouter.team.RepRepository;

/**
 * The rep's panel through {@code /api}: each user reads their own (and managers, sales ops their
 * reps'), the counts against the caps, and a place in the rotation that is what routing does
 * next: every test routes the leads after reading the panel and checks the panel was right.
 * Teams of their own ({@link RoutingFixture}), whose reps are Camunda users who sign in.
 */
@IntegrationTest
class RepPanelApiTest {

    private static final String PASSWORD = "panel-test";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    RepRepository reps;
    @Autowired
    LeadRepository leads;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void aRepReadsTheirOwnPanelAndNotAColleaguesWhichTheirManagerAndSalesOpsRead() {
        String team = teamOfUsers(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        String manager = manager(team);

        JsonNode mine = as(ann).getForObject("/api/me/panel", JsonNode.class);
        ResponseEntity<JsonNode> colleagues = as(ann).getForEntity("/api/reps/" + bob + "/panel", JsonNode.class);

        assertThat(mine.get("user").asText()).isEqualTo(ann);
        assertThat(mine.get("rep").asBoolean()).isTrue();
        assertThat(mine.get("panel").get("rep").get("id").asText()).isEqualTo(ann);
        assertThat(mine.get("panel").get("rep").get("teamName").asText()).isEqualTo("Test team " + team);
        assertThat(colleagues.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(colleagues.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(as(manager).getForEntity("/api/reps/" + bob + "/panel", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(driver.as("sam.ops", "demo").getForObject("/api/reps/" + bob + "/panel", JsonNode.class)
                .get("rep").get("id").asText()).isEqualTo(bob);
        // a manager of another team reads none of this team's reps
        assertThat(as(manager(teamOfUsers(rep("cy")))).getForEntity("/api/reps/" + bob + "/panel", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(driver.admin().getForEntity("/api/reps/no.such.rep/panel", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(driver.anonymous().getForEntity("/api/me/panel", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aUserWhoIsNoRepIsToldSoNotRefused() {
        ResponseEntity<JsonNode> response = driver.as("sam.ops", "demo").getForEntity("/api/me/panel", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("user").asText()).isEqualTo("sam.ops");
        assertThat(response.getBody().get("rep").asBoolean()).isFalse();
        assertThat(response.getBody().has("panel")).isFalse();
    }

    @Test
    void roundRobinPlacesAreTheOrderInWhichRoutingGivesTheNextLeads() {
        String team = teamOfUsers(rep("ann"), rep("bob"), rep("cy"), rep("dee"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        String cy = repId("cy", team);
        String dee = repId("dee", team);
        assertThat(fixture.routeMany(2, "round-robin", team)).containsExactly(ann, bob);
        fixture.available(cy, false);

        JsonNode annRotation = panel(ann).get("rotation");
        JsonNode cyRotation = panel(cy).get("rotation");
        JsonNode deeRotation = panel(dee).get("rotation");

        assertThat(deeRotation.get("roundRobin").get("place").asInt()).isEqualTo(1);
        assertThat(deeRotation.get("headline").asText()).isEqualTo("You are next in line");
        assertThat(panel(bob).get("rotation").get("roundRobin").get("place").asInt()).isEqualTo(3);
        assertThat(annRotation.get("roundRobin").get("place").asInt()).isEqualTo(2);
        assertThat(annRotation.get("headline").asText()).isEqualTo("You are 2nd in line");
        assertThat(annRotation.get("roundRobin").get("says").asText()).isEqualTo("You are 2nd in line: round-robin "
                + "gives the next lead to whoever has waited longest since their last round-robin lead, and 1 of the "
                + "3 reps who can take a lead now has waited longer than you.");
        assertThat(annRotation.get("eligibleReps").asInt()).isEqualTo(3);
        assertThat(annRotation.get("teamReps").asInt()).isEqualTo(4);
        assertThat(annRotation.get("colleaguesSkipped").get("marked unavailable").asInt()).isEqualTo(1);
        assertThat(cyRotation.get("skipped").get("kind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(cyRotation.get("roundRobin").has("place")).isFalse();
        assertThat(cyRotation.get("headline").asText()).isEqualTo("Routing skips you right now: marked unavailable");
        // what the panels said is what routing does
        assertThat(fixture.routeMany(3, "round-robin", team)).containsExactly(dee, ann, bob);
    }

    @Test
    void leadsAreCountedAgainstTheCapsAndARepAtACapIsToldWhyRoutingSkipsThem() {
        String team = teamOfUsers(rep("ann").maxOpen(3).dailyCap(2).weeklyCap(5), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        assertThat(fixture.routeMany(3, "round-robin", team)).containsExactly(ann, bob, ann);

        JsonNode panel = panel(ann);
        JsonNode load = panel.get("load");

        assertThat(load.get("openLeads").get("count").asInt()).isEqualTo(2);
        assertThat(load.get("openLeads").get("cap").asInt()).isEqualTo(3);
        assertThat(load.get("today").get("count").asInt()).isEqualTo(2);
        assertThat(load.get("today").get("cap").asInt()).isEqualTo(2);
        assertThat(Instant.parse(load.get("today").get("since").asText()))
                .isEqualTo(now().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(load.get("thisWeek").get("count").asInt()).isEqualTo(2);
        assertThat(load.get("thisWeek").get("cap").asInt()).isEqualTo(5);
        assertThat(panel.get("rotation").get("skipped").get("kind").asText()).isEqualTo("DAILY_CAP");
        assertThat(panel.get("rotation").get("headline").asText())
                .isEqualTo("Routing skips you right now: at daily cap (2 of 2 today)");
        JsonNode bobs = panel(bob).get("load");
        assertThat(bobs.get("openLeads").get("count").asInt()).isEqualTo(1);
        assertThat(bobs.get("openLeads").has("cap")).as("no cap").isFalse();
        assertThat(bobs.get("today").get("count").asInt()).as("counted without a cap too").isEqualTo(1);
        assertThat(fixture.routeMany(2, "round-robin", team)).containsExactly(bob, bob);
    }

    @Test
    void weightedRoutingGivesARepTheirWeightOfEveryEligibleWeightLeadsWithoutTheCappedRep() {
        String team = teamOfUsers(rep("ann").weight(2), rep("bob"), rep("cy").weight(3).maxOpen(0));
        String ann = repId("ann", team);
        String bob = repId("bob", team);

        JsonNode annWeighted = panel(ann).get("rotation").get("weighted");
        JsonNode bobWeighted = panel(bob).get("rotation").get("weighted");
        JsonNode cyRotation = panel(repId("cy", team)).get("rotation");

        assertThat(annWeighted.get("weight").asInt()).isEqualTo(2);
        assertThat(annWeighted.get("eligibleWeight").asInt()).isEqualTo(3);
        assertThat(annWeighted.get("place").asInt()).isEqualTo(1);
        assertThat(annWeighted.get("says").asText()).isEqualTo("You get 2 of every 3 leads: weighted round-robin "
                + "shares them by weight among the 2 reps who can take one now, and your weight is 2; by turn you "
                + "are next in line.");
        assertThat(bobWeighted.get("place").asInt()).isEqualTo(2);
        assertThat(cyRotation.get("skipped").get("reason").asText()).isEqualTo("at open-lead cap (0 of 0)");
        assertThat(cyRotation.get("weighted").get("says").asText()).isEqualTo("Weighted round-robin skips you "
                + "right now (at open-lead cap (0 of 0)): you get none of the next leads.");
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            owners.add(fixture.route(fixture.lead(), "weighted-round-robin", team).owner());
        }
        assertThat(owners.get(0)).as("next in line by turn").isEqualTo(ann);
        assertThat(owners).filteredOn(ann::equals).hasSize(4);
        assertThat(owners).filteredOn(bob::equals).hasSize(2);
    }

    @Test
    void theRoutingRulesSayWhichRotationTheTeamsLeadsGoBy() {
        JsonNode rotation = driver.as("anna.snelling", "demo").getForObject("/api/me/panel", JsonNode.class)
                .get("panel").get("rotation");

        // central in routing-rules.dmn, in table order: each chain of strategies with the rules that use it
        assertThat(rotation.get("routes").toString()).isEqualTo("""
                [{"strategies":["account-owner","capacity","round-robin"],"rules":["Individuals from chat and web"]},\
                {"strategies":["account-owner","round-robin"],"rules":["Texas","US Central","Americas outside the US"]},\
                {"strategies":["round-robin"],"rules":["No territory matched: default team"]}]""");
        assertThat(rotation.get("roundRobin").get("usedBy")).hasSize(5);
        assertThat(rotation.get("weighted").get("usedBy")).isEmpty();
    }

    @Test
    void slaRateAndConversionsCountThisMonthInTheRepsTimeZone() {
        at("2026-03-16T10:00:00Z");
        String team = teamOfUsers(rep("ann").inZone("Asia/Tokyo"));
        String ann = repId("ann", team);
        Instant thisMonth = Instant.parse("2026-03-10T09:00:00Z");
        // the 1st of March 00:30 in Tokyo is still February in UTC: this month in Tokyo all the same
        Instant firstHourInTokyo = Instant.parse("2026-02-28T15:30:00Z");
        Instant lastMonthInTokyo = Instant.parse("2026-02-28T14:30:00Z");
        clock(ann, "MET", thisMonth);
        clock(ann, "MET", firstHourInTokyo);
        clock(ann, "MET", thisMonth);
        clock(ann, "BREACHED", thisMonth);
        clock(ann, "OPEN", thisMonth);
        clock(ann, "MET", lastMonthInTokyo);
        closed(ann, LeadOutcome.CONVERTED, thisMonth);
        closed(ann, LeadOutcome.CONVERTED, firstHourInTokyo);
        closed(ann, LeadOutcome.CONVERTED, lastMonthInTokyo);
        closed(ann, LeadOutcome.LOST, thisMonth);

        JsonNode month = panel(ann).get("thisMonth");

        assertThat(Instant.parse(month.get("from").asText())).isEqualTo(firstHourInTokyo.minus(Duration.ofMinutes(30)));
        assertThat(month.get("slaMet").asInt()).isEqualTo(3);
        assertThat(month.get("slaBreached").asInt()).isEqualTo(1);
        assertThat(month.get("slaOpen").asInt()).isEqualTo(1);
        assertThat(month.get("slaMetRate").asDouble()).isEqualTo(0.75);
        assertThat(month.get("conversions").asInt()).isEqualTo(2);
    }

    @Test
    void workingHoursAndPlannedAbsencesAreShownAndAnAbsenceNowSkipsTheRep() {
        at("2026-03-16T10:00:00Z"); // a Monday
        String team = teamOfUsers(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        fixture.update(ann, new io.leadrouter.team.RepSettings(null, null, null, null, null, "Europe/Berlin",
                "08:00", "16:30", "MON,TUE,WED", null));
        post(as(ann), "/api/reps/" + ann + "/absences", """
                {"startsAt": "2026-03-20T00:00:00Z", "endsAt": "2026-03-27T00:00:00Z", "reason": "vacation"}""");
        post(as(ann), "/api/reps/" + ann + "/absences", """
                {"startsAt": "2026-03-16T09:00:00Z", "endsAt": "2026-03-16T12:00:00Z", "reason": "dentist"}""");

        JsonNode panel = panel(ann);

        JsonNode hours = panel.get("workingHours");
        assertThat(hours.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(hours.get("days").toString()).isEqualTo("[\"MON\",\"TUE\",\"WED\"]");
        assertThat(hours.get("start").asText() + "-" + hours.get("end").asText()).isEqualTo("08:00-16:30");
        assertThat(hours.get("workingNow").asBoolean()).isTrue();
        assertThat(hours.get("localTime").asText()).isEqualTo("Mon 16 Mar 11:00 CET");
        JsonNode absences = panel.get("absences");
        assertThat(absences.findValuesAsText("reason")).containsExactly("dentist", "vacation");
        assertThat(absences.get(0).get("current").asBoolean()).isTrue();
        assertThat(absences.get(1).get("current").asBoolean()).isFalse();
        assertThat(panel.get("rotation").get("headline").asText())
                .isEqualTo("Routing skips you right now: out of office until 2026-03-16T12:00:00Z (dentist)");
        assertThat(fixture.route(fixture.lead(), "round-robin", team).owner()).isEqualTo(repId("bob", team));
    }

    private JsonNode panel(String repId) {
        ResponseEntity<JsonNode> response = as(repId).getForEntity("/api/me/panel", JsonNode.class);
        assertThat(response.getStatusCode()).as("panel of " + repId).isEqualTo(HttpStatus.OK);
        return response.getBody().get("panel");
    }

    private TestRestTemplate as(String user) {
        return driver.as(user, PASSWORD);
    }

    private static void post(TestRestTemplate client, String path, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = client.postForEntity(path,
                new org.springframework.http.HttpEntity<>(json, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A team of its own whose reps are Camunda users in the team's group, who sign in with {@link #PASSWORD}. */
    private String teamOfUsers(RoutingFixture.RepSpec... members) {
        return fixture.teamOfUsers(PASSWORD, members);
    }

    /** A manager of the team: in {@code managers} and the team's group. */
    private String manager(String team) {
        return fixture.managerOf(team, PASSWORD);
    }

    /** A response clock of the rep, started at {@code assignedAt}, with that result. */
    private void clock(String repId, String result, Instant assignedAt) {
        String leadId = ownedLead(repId, assignedAt);
        jdbc.update("""
                insert into response_clocks (id, lead_id, rep_id, team_id, tier, response_time, assigned_at,
                                             reminder_at, due_at, result)
                values (:id, :lead, :rep, :team, 'WARM', 'PT1H', :at, :at, :at, :result)""",
                Map.of("id", UUID.randomUUID().toString(), "lead", leadId, "rep", repId,
                        "team", reps.findById(repId).orElseThrow().getTeamId(),
                        "at", java.time.OffsetDateTime.ofInstant(assignedAt, ZoneOffset.UTC), "result", result));
    }

    /** A lead of the rep, closed at {@code closedAt} with that outcome. */
    private void closed(String repId, LeadOutcome outcome, Instant closedAt) {
        String leadId = ownedLead(repId, closedAt.minus(Duration.ofHours(1)));
        transaction.executeWithoutResult(status ->
                leads.findById(leadId).orElseThrow().recordOutcome(outcome, null, closedAt));
    }

    private String ownedLead(String repId, Instant assignedAt) {
        String leadId = fixture.lead();
        String team = reps.findById(repId).orElseThrow().getTeamId();
        transaction.executeWithoutResult(status -> leads.findById(leadId).orElseThrow()
                .assignTo(repId, team, "manual", "Test rule", "set up by the test", assignedAt));
        return leadId;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
