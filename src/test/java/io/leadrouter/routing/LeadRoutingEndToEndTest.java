package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.RepRepository;

/** From {@code POST /api/leads} through the real process, DMN and delegates to the rep's task. */
@IntegrationTest
class LeadRoutingEndToEndTest {

    static final String CALIFORNIA_LEAD = """
            {"firstName": "Grace", "lastName": "Hopper", "email": "grace@navy-systems-%s.com",
             "phone": "+1 415 555 0100", "company": "Navy Systems", "country": "USA", "state": "California",
             "industry": "Technology", "employees": 2500, "annualRevenue": 250000000, "product": "gtx pro",
             "source": "reference"}""";

    /** A new Californian lead: its own e-mail, so it is not merged into an earlier one. */
    static String californiaLead() {
        return CALIFORNIA_LEAD.formatted(java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepRepository reps;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void californiaLeadIsRoutedRoundRobinToAWestRepWhoFindsItUnderMyLeads() {
        String id = driver.submitLead(californiaLead());

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(lead.get("country").asText()).isEqualTo("US");
        assertThat(lead.get("state").asText()).isEqualTo("CA");
        assertThat(lead.get("product").asText()).isEqualTo("GTX Pro");
        assertThat(lead.get("tier").asText()).isIn("HOT", "WARM");
        assertThat(lead.get("score").asInt()).isBetween(0, 100);
        assertThat(lead.get("team").asText()).isEqualTo("west");
        String owner = lead.get("owner").asText();
        assertThat(reps.findById(owner).orElseThrow().getTeamId()).isEqualTo("west");
        assertThat(lead.get("routing").get("strategy").asText()).isEqualTo("round-robin");
        assertThat(lead.get("routing").get("reason").asText()).startsWith("Round-robin in team west");
        assertThat(lead.get("routing").get("rule").asText()).isNotBlank();
        assertThat(lead.get("assignedAt").asText()).isNotBlank();

        Task work = driver.taskOf(id);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo(owner);
        assertThat(driver.candidateUsers(work)).as("the team's managers read it").isNotEmpty()
                .isEqualTo(driver.managersOf("west"));
        assertThat(driver.candidateGroups(work)).as("team west does not share its leads").isEmpty();
        assertThat(myLeads(owner)).contains(work.getId());
        // the process stores what its forms and later steps read; what only the next gateway
        // reads was transient, and the review fields are stored only for a lead in review
        assertThat(tasks.getVariables(work.getId()))
                .containsKeys("leadId", "leadName", "email", "company", "location", "owner", "team", "tier",
                        "routingReason", "slaDueDate")
                .doesNotContainKeys("heldForReview", "duplicateOf", "qualification", "qualificationReason",
                        "repFound", "firstName", "lastName", "problems", "reviewReasons");

        driver.complete(work, Map.of("outcome", "CONVERTED", "dealValue", 40_000, "outcomeNote", "Signed for 40 units"));

        JsonNode worked = driver.lead(id);
        assertThat(worked.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(worked.get("outcomeNote").asText()).isEqualTo("Signed for 40 units");
        assertThat(worked.get("closedAt").asText()).isNotBlank();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).finished().count())
                .isEqualTo(1);
    }

    @Test
    void anIndividualWithoutCompanyIsRoutedToARepWithNoCompanyNoted() {
        String id = driver.submitLead("""
                {"firstName": "Linus", "email": "linus@kernel-hacker-%s.fi", "country": "Finland",
                 "product": "GTX Plus Pro", "source": "Referral Sites",
                 "attributes": {"occupation": "Working Professional", "totalVisits": 7}}"""
                .formatted(java.util.UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();

        JsonNode routed = driver.lead(id);
        assertThat(routed.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(routed.has("company")).isFalse();
        // no company points: a reference site, the product, visits and the occupation the source sent
        assertThat(routed.get("score").asInt()).isEqualTo(25 + 10 + 10 + 30);
        assertThat(routed.get("team").asText()).as("Finland is East territory").isEqualTo("east");
        assertThat(reps.findById(routed.get("owner").asText()).orElseThrow().getTeamId()).isEqualTo("east");
        assertThat(routed.get("problems")).extracting(JsonNode::asText).containsExactly("No company name");
        Task work = driver.taskOf(id);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(tasks.getVariables(work.getId())).as("never held: no review fields stored")
                .doesNotContainKeys("problems", "reviewReasons", "firstName", "heldForReview");
        JsonNode events = driver.admin().getForObject("/api/leads/" + id + "/timeline", JsonNode.class)
                .get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "PROBLEMS_NOTED", "ROUTED");
        assertThat(events.get(1).get("summary").asText())
                .endsWith("not held: No company name: an individual, routed as a normal lead");
    }

    @Test
    void reviewerCanDisqualifyALead() {
        String id = driver.submitLead("""
                {"email": "asdf@asdf-mail.com", "company": "Asdf", "country": "Narnia"}""");
        driver.runJobs();
        assertThat(driver.lead(id).get("problems").toString()).contains("Unknown country 'Narnia'",
                "Suspicious e-mail address");

        driver.complete(driver.taskOf(id), Map.of("reviewDecision", "DISQUALIFY"));
        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("DISQUALIFIED");
        assertThat(lead.get("qualificationReason").asText()).isEqualTo("Disqualified in review");
        assertThat(driver.taskOf(id)).isNull();
    }

    @Test
    void disposableEmailDomainIsDisqualifiedWithoutATask() {
        String id = driver.submitLead("""
                {"email": "deals@mailinator.com", "company": "Throwaway Ltd", "country": "DE",
                 "employees": 5000, "annualRevenue": 900000000, "product": "GTK 500", "source": "Reference"}""");

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("DISQUALIFIED");
        assertThat(lead.get("qualification").asText()).isEqualTo("DISQUALIFIED");
        assertThat(lead.get("qualificationReason").asText()).isNotBlank();
        assertThat(lead.has("owner")).isFalse();
        assertThat(driver.taskOf(id)).isNull();
    }

    @Test
    void coldLeadGoesToNurtureAndGetsNoSalesTask() {
        String id = driver.submitLead("""
                {"email": "student@uni-mail.in", "company": "Self", "country": "India"}""");

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("tier").asText()).isEqualTo("COLD");
        assertThat(lead.get("status").asText()).isEqualTo("NURTURE");
        assertThat(lead.get("closedAt").asText()).isNotBlank();
        assertThat(driver.taskOf(id)).isNull();
    }

    @Test
    void enterpriseGtk500LeadGoesToTheNamedSpecialist() {
        String id = driver.submitLead("""
                {"email": "cio@bigbank.com", "company": "Big Bank", "country": "Germany", "employees": 40000,
                 "annualRevenue": 5000000000, "industry": "finance", "product": "GTK500", "source": "Reference"}""");

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("owner").asText()).isEqualTo("elease.gluck");
        assertThat(lead.get("team").asText()).isEqualTo("west");
        assertThat(lead.get("routing").get("strategy").asText()).isEqualTo("direct");
        assertThat(driver.taskOf(id).getAssignee()).isEqualTo("elease.gluck");
    }

    @Test
    void namedSpecialistAwayFallsBackToPriorityRoutingInHerTeam() {
        reps.findById("elease.gluck").ifPresent(rep -> {
            rep.setAvailable(false, java.time.Instant.now());
            reps.save(rep);
        });
        String id = driver.submitLead("""
                {"email": "cto@bigpharma.com", "company": "Big Pharma", "country": "US", "state": "NJ",
                 "employees": 20000, "annualRevenue": 3000000000, "industry": "medical", "product": "GTK 500",
                 "source": "Partner"}""");

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        String owner = lead.get("owner").asText();
        assertThat(owner).isNotEqualTo("elease.gluck");
        assertThat(reps.findById(owner).orElseThrow().getTeamId()).isEqualTo("west");
        assertThat(lead.get("routing").get("strategy").asText()).isEqualTo("priority");
        assertThat(lead.get("routing").get("reason").asText()).contains("Elease Gluck", "marked unavailable");
        Task work = driver.taskOf(id);
        assertThat(work.getAssignee()).isEqualTo(owner);

        // one "Route lead" task ran the rule's chain; Cockpit and the explanation name priority, which placed the lead
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(work.getProcessInstanceId())
                .activityId("RouteLead").count()).isOne();
        assertThat(runtime.getVariables(work.getProcessInstanceId()))
                .containsEntry("routingRule", "Enterprise GTK 500 specialist")
                .containsEntry("strategyChain", "direct,priority")
                .containsEntry("strategy", "priority")
                .containsEntry("strategiesTried", "direct > priority")
                .containsEntry("owner", owner);
        JsonNode decision = driver.admin().getForObject("/api/leads/" + id + "/routing", JsonNode.class)
                .get("decisions").get(0);
        assertThat(decision.get("strategy").asText()).isEqualTo("priority");
        assertThat(decision.get("strategiesTried")).extracting(JsonNode::asText).containsExactly("direct", "priority");
        assertThat(decision.get("chosenRep").asText()).isEqualTo(owner);
    }

    @Test
    void whenTheWholeTeamIsAwayOpsAssignTheLeadByHand() {
        driver.setAvailability("west", false);
        String id = driver.submitLead(californiaLead());
        driver.runJobs();

        JsonNode waiting = driver.lead(id);
        assertThat(waiting.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(waiting.has("owner")).isFalse();
        assertThat(waiting.get("routing").get("reason").asText())
                .contains("none of its 12 reps is eligible (12 marked unavailable)");
        Task assign = driver.taskOf(id);
        assertThat(assign.getTaskDefinitionKey()).isEqualTo("AssignLeadManually");
        assertThat(tasks.getIdentityLinksForTask(assign.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("sales-ops");

        assertThatThrownBy(() -> driver.complete(assign, Map.of("owner", "no.such.rep")))
                .hasMessageContaining("no rep with user id 'no.such.rep'");
        assertThat(driver.taskOf(id).getId()).isEqualTo(assign.getId());

        driver.complete(assign, Map.of("owner", "anna.snelling"));

        Task work = driver.taskOf(id);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo("anna.snelling");
        assertThat(driver.candidateUsers(work)).isNotEmpty().isEqualTo(driver.managersOf("central"));
        assertThat(driver.candidateGroups(work)).isEmpty();
        JsonNode assigned = driver.lead(id);
        assertThat(assigned.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("owner").asText()).isEqualTo("anna.snelling");
        assertThat(assigned.get("routing").get("strategy").asText()).isEqualTo("manual");
        assertThat(runtime.getVariables(work.getProcessInstanceId()))
                .as("Cockpit names who chose the rep, after the chain routing tried")
                .containsEntry("strategy", "manual")
                .containsEntry("strategiesTried", "account-owner > round-robin");
    }

    @Test
    void aSecondLeadOfTheSamePersonIsMergedIntoTheOpenOne() {
        String lead = californiaLead();
        String first = driver.submitLead(lead);
        driver.runJobs();

        String second = driver.submitLead(lead.replace("\"Grace\"", "\"G.\""));
        driver.runJobs();

        JsonNode merged = driver.lead(second);
        assertThat(merged.get("status").asText()).isEqualTo("MERGED");
        assertThat(merged.get("mergedInto").asText()).isEqualTo(first);
        assertThat(merged.has("owner")).isFalse();
        assertThat(driver.taskOf(second)).isNull();
        assertThat(driver.lead(first).get("status").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void routingExplanationShowsTheRuleEveryCandidateAndWhyNotOthers() {
        reps.findById("carl.lin").ifPresent(rep -> {
            rep.setAvailable(false, java.time.Instant.now());
            reps.save(rep);
        });
        String id = driver.submitLead(californiaLead());
        driver.runJobs();

        JsonNode explanation = driver.admin().getForObject("/api/leads/" + id + "/routing", JsonNode.class);

        String owner = driver.lead(id).get("owner").asText();
        assertThat(explanation.get("owner").asText()).isEqualTo(owner);
        JsonNode decision = explanation.get("decisions").get(0);
        assertThat(decision.get("rule").get("name").asText()).isEqualTo("California");
        assertThat(decision.get("rule").get("decision").asText()).isEqualTo("routingRules");
        assertThat(decision.get("rule").get("version").asInt()).isPositive();
        assertThat(decision.get("strategiesTried")).extracting(JsonNode::asText)
                .containsExactly("account-owner", "round-robin");
        assertThat(decision.get("strategy").asText()).isEqualTo("round-robin");
        assertThat(decision.get("chosenRep").asText()).isEqualTo(owner);
        JsonNode candidates = decision.get("candidates");
        assertThat(candidates).hasSize(12);
        java.util.Map<String, JsonNode> byRep = new java.util.HashMap<>();
        candidates.forEach(c -> byRep.put(c.get("rep").asText(), c));
        assertThat(byRep.get(owner).get("outcome").asText()).isEqualTo("CHOSEN");
        assertThat(byRep.get(owner).get("rank").asInt()).isEqualTo(1);
        assertThat(byRep.get("carl.lin").get("outcome").asText()).isEqualTo("EXCLUDED");
        assertThat(byRep.get("carl.lin").get("reason").asText()).isEqualTo("marked unavailable");
        assertThat(byRep.get("carl.lin").get("kind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(candidates.findValuesAsText("outcome")).filteredOn("RANKED"::equals).hasSize(10);
        assertThat(decision.get("summary").asText()).contains("account-owner: No known account");
    }

    /** The ids of the tasks in the rep's Tasklist filter "My leads", read as that rep over /engine-rest. */
    private java.util.List<String> myLeads(String rep) {
        var client = driver.as(rep, "demo");
        JsonNode filters = client.getForObject("/engine-rest/filter?name=My leads", JsonNode.class);
        assertThat(filters).hasSize(1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        JsonNode list = client.postForObject("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list",
                new HttpEntity<>("{}", headers), JsonNode.class);
        return list.findValuesAsText("id");
    }
}
