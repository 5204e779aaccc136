package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * Sales ops' queues in Tasklist, listed as Tasklist lists a filter ({@code /camunda/api/engine}
 * as the logged-in user): "To assign" holds the leads routing found nobody for, each card with
 * the lead's name, company, tier and score, and nothing else; the queues come before every other
 * filter; reps cannot open them; managers see "Escalated"; "All leads" of an earlier version is
 * renamed "All open leads" and keeps its id.
 */
@IntegrationTest
class SalesOpsQueuesTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    FilterService filters;
    @Autowired
    EngineAuthorizations engineAuthorizations;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void toAssignListsTheLeadsRoutingFoundNobodyForWithTheirCards() throws Exception {
        String routed = driver.submitLead(californiaLead());
        driver.runJobs();
        driver.setAvailability("west", false);
        String waiting = driver.submitLead(californiaLead());
        driver.runJobs();
        Task assign = driver.taskOf(waiting);

        List<JsonNode> toAssign = listed("sam.ops", EngineAuthorizations.TO_ASSIGN);

        assertThat(toAssign).extracting(task -> task.get("taskDefinitionKey").asText()).containsOnly("AssignLeadManually");
        assertThat(toAssign).extracting(task -> task.get("id").asText()).contains(assign.getId())
                .doesNotContain(driver.taskOf(routed).getId());
        JsonNode card = toAssign.stream().filter(task -> task.get("id").asText().equals(assign.getId())).findFirst()
                .orElseThrow();
        List<String> cardVariables = new ArrayList<>();
        card.path("_embedded").path("variable").forEach(variable -> cardVariables.add(variable.get("name").asText()));
        assertThat(cardVariables).contains("cardLeadName", "cardTier", "cardCompany", "cardScore");
        assertThat(card.get("due").isNull()).as("due at its deadline, which the queue sorts by").isFalse();
        assertThat(listed("sam.ops", EngineAuthorizations.ALL_LEADS)).extracting(task -> task.get("id").asText())
                .contains(assign.getId(), driver.taskOf(routed).getId());
    }

    @Test
    void theQueuesComeFirstForSalesOpsRepsCannotOpenThemAndManagersSeeEscalated() {
        int toReview = priority(EngineAuthorizations.TO_REVIEW);
        int toAssign = priority(EngineAuthorizations.TO_ASSIGN);
        int escalated = priority(EngineAuthorizations.ESCALATED);
        assertThat(List.of(toReview, toAssign, escalated)).isSorted();
        assertThat(escalated).isLessThan(priority(EngineAuthorizations.MY_LEADS));

        assertThat(status("carl.lin", EngineAuthorizations.TO_ASSIGN)).isNotEqualTo(200);
        assertThat(status("carl.lin", EngineAuthorizations.ESCALATED)).isNotEqualTo(200);
        assertThat(status("celia.rouche", EngineAuthorizations.ESCALATED)).isEqualTo(200);
        assertThat(status("celia.rouche", EngineAuthorizations.TO_REVIEW)).isNotEqualTo(200);
        assertThat(status("sam.ops", EngineAuthorizations.TO_REVIEW)).isEqualTo(200);
    }

    @Test
    void allLeadsOfAnEarlierVersionIsRenamedAndKeepsItsId() {
        Filter all = filters.createFilterQuery().filterName(EngineAuthorizations.ALL_LEADS).singleResult();
        all.setName(EngineAuthorizations.ALL_LEADS_BEFORE);
        filters.saveFilter(all);

        engineAuthorizations.run(null);

        assertThat(filters.createFilterQuery().filterName(EngineAuthorizations.ALL_LEADS_BEFORE).count()).isZero();
        assertThat(filters.createFilterQuery().filterName(EngineAuthorizations.ALL_LEADS).singleResult().getId())
                .isEqualTo(all.getId());
        assertThat(status("sam.ops", EngineAuthorizations.ALL_LEADS)).isEqualTo(200);
    }

    @Test
    void aFilterOfAnEarlierVersionGetsTheCardsNewColumnsAtTheNextStart() {
        Filter all = filters.createFilterQuery().filterName(EngineAuthorizations.ALL_LEADS).singleResult();
        Map<String, Object> earlier = new LinkedHashMap<>(all.getProperties());
        earlier.put("variables", LeadCard.filterColumns().subList(0, 4));
        all.setProperties(earlier);
        filters.saveFilter(all);

        engineAuthorizations.run(null);

        // read back as the engine stores it (JSON): equal to the card's columns, so the next start leaves it be
        assertThat(filters.getFilter(all.getId()).getProperties().get("variables"))
                .isEqualTo(LeadCard.filterColumns());
        assertThat(LeadCard.filterColumns()).extracting(column -> column.get("name")).contains("cardConversion");
    }

    /** A new lead from California (team west), with an e-mail of its own so that it is not merged. */
    private static String californiaLead() {
        return """
                {"firstName": "Grace", "lastName": "Hopper", "email": "grace@navy-systems-%s.com",
                 "company": "Navy Systems", "country": "USA", "state": "California", "industry": "Technology",
                 "employees": 2500, "annualRevenue": 250000000, "product": "gtx pro", "source": "reference"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8));
    }

    private int priority(String filterName) {
        Object priority = filters.createFilterQuery().filterName(filterName).singleResult().getProperties()
                .get("priority");
        return ((Number) priority).intValue();
    }

    private int status(String user, String filterName) {
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", user, "demo")).isEqualTo(200);
        return tasklist.get("/camunda/api/engine/engine/default/filter/"
                + filters.createFilterQuery().filterName(filterName).singleResult().getId()).statusCode();
    }

    private List<JsonNode> listed(String user, String filterName) throws Exception {
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", user, "demo")).isEqualTo(200);
        HttpResponse<String> page = tasklist.postForHal("/camunda/api/engine/engine/default/filter/"
                + filters.createFilterQuery().filterName(filterName).singleResult().getId()
                + "/list?firstResult=0&maxResults=5000", "{}");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> listed = new ArrayList<>();
        json.readTree(page.body()).path("_embedded").path("task").forEach(listed::add);
        return listed;
    }
}
