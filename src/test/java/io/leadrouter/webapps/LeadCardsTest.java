package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.TeamRepository;

/**
 * The cards of Tasklist's lead filters, as real users read them over the webapps' API: the
 * lead's name, company, tier and score for the owner, the team's managers and sales ops; for a
 * teammate of a team that shares its leads only who has the lead (no lead data, as in issue 11);
 * hot leads first, then the earliest due.
 */
@IntegrationTest
class LeadCardsTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    RepRepository reps;
    @Autowired
    TeamRepository teams;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OpenTaskCards openTaskCards;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private String company;
    private String hotLead;
    private Task hot;
    private Task warm;

    @BeforeEach
    void aHotAndAWarmLeadInEastWhichSharesItsLeads() {
        sharing("east", true);
        company = "Analytical Engines " + UUID.randomUUID().toString().substring(0, 8);
        hotLead = driver.submitLead("""
                {"firstName": "Ada", "lastName": "Byron", "email": "ada@%s.com", "phone": "+1 212 555 0100",
                 "company": "%s", "country": "US", "state": "NY", "industry": "technology", "employees": 5000,
                 "annualRevenue": 900000000, "product": "GTX Pro", "source": "Reference"}"""
                .formatted(company.replace(' ', '-').toLowerCase(), company));
        String warmLead = driver.submitLead("""
                {"firstName": "Charles", "lastName": "Babbage", "email": "charles@difference-%s.com",
                 "company": "Difference %s", "country": "US", "state": "NY", "industry": "technology",
                 "employees": 1000, "annualRevenue": 100000000, "product": "GTK 500"}"""
                .formatted(company.hashCode(), company.hashCode()));
        driver.runJobs();
        hot = driver.taskOf(hotLead);
        warm = driver.taskOf(warmLead);
        assertThat(driver.lead(hotLead).get("tier").asText()).isEqualTo("HOT");
        assertThat(driver.lead(warmLead).get("tier").asText()).isEqualTo("WARM");
        assertThat(driver.lead(hotLead).get("team").asText()).isEqualTo("east");
    }

    @AfterEach
    void eastStopsSharing() {
        sharing("east", false);
    }

    @Test
    void theOwnerTheTeamsManagersAndSalesOpsSeeTheLeadOnItsCardATeammateOnlyWhoHasIt() throws Exception {
        int score = driver.lead(hotLead).get("score").asInt();
        Map<String, Object> expected = Map.of("cardLeadName", "Ada Byron", "cardCompany", company, "cardTier", "HOT",
                "cardScore", score);
        String owner = hot.getAssignee();
        String teammate = reps.findByTeamIdOrderById("east").stream().map(Rep::getId)
                .filter(rep -> !rep.equals(owner)).findFirst().orElseThrow();

        assertThat(card(owner, EngineAuthorizations.MY_LEADS, hot)).isEqualTo(expected);
        assertThat(card(managerOf("east"), EngineAuthorizations.MY_TEAMS_LEADS, hot)).isEqualTo(expected);
        assertThat(card("sam.ops", EngineAuthorizations.ALL_LEADS, hot)).isEqualTo(expected);
        assertThat(card(teammate, EngineAuthorizations.MY_TEAMS_LEADS, hot))
                .as("a teammate reads the task (who has the lead, until when), not the lead").isEmpty();
        Set<String> taskVariables = new HashSet<>(expected.keySet());
        taskVariables.add("lostReasons"); // the form's choice of lost reasons (lead/OutcomeFormListener)
        assertThat(tasks.getVariablesLocal(hot.getId())).as("the card holds no contact data")
                .containsOnlyKeys(taskVariables);
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(hot.getId()).list())
                .as("the card's copies and the form's list are not in Camunda's history (engine/TaskVariableHistoryFilter)")
                .isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(hot.getProcessInstanceId())
                .variableName("tier").singleResult().getValue()).as("the lead's own variables are").isEqualTo("HOT");
    }

    @Test
    void hotLeadsComeFirstThenTheEarliestDue() throws Exception {
        assertThat(hot.getPriority()).isEqualTo(90);
        assertThat(warm.getPriority()).isEqualTo(60);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(hot.getId()).singleResult().getPriority())
                .as("history agrees").isEqualTo(90);

        List<JsonNode> listed = listed("sam.ops", EngineAuthorizations.ALL_LEADS);

        assertThat(listed).extracting(task -> task.get("id").asText()).contains(hot.getId(), warm.getId());
        assertThat(listed).as("priority, highest first")
                .isSortedAccordingTo(Comparator.comparingInt(task -> -task.get("priority").asInt()));
        // tasks without a due date sort first or last of their priority, as the database puts nulls
        assertThat(listed.stream().filter(task -> !task.path("due").isNull() && task.has("due")).toList())
                .as("then due date, earliest first")
                .isSortedAccordingTo(Comparator.<JsonNode>comparingInt(task -> -task.get("priority").asInt())
                        .thenComparing(LeadCardsTest::due));
    }

    @Test
    void openTasksOfAnEarlierVersionGetTheirCardAndPriorityAtTheNextStart() {
        tasks.removeVariablesLocal(hot.getId(), LeadCard.FIELDS.stream().map(LeadCard.Field::variable).toList());
        tasks.setPriority(hot.getId(), 50);

        openTaskCards.run(null);

        assertThat(tasks.getVariablesLocal(hot.getId())).containsEntry("cardLeadName", "Ada Byron")
                .containsEntry("cardCompany", company).containsEntry("cardTier", "HOT");
        assertThat(tasks.createTaskQuery().taskId(hot.getId()).singleResult().getPriority()).isEqualTo(90);
        Map<String, Object> warmCard = new HashMap<>(tasks.getVariablesLocal(warm.getId()));
        openTaskCards.run(null);
        assertThat(tasks.getVariablesLocal(warm.getId())).as("a task with its card is left as it is")
                .isEqualTo(warmCard);
    }

    /** The card's values of the task as the filter lists it to the user in Tasklist (HAL, with embedded variables). */
    private Map<String, Object> card(String user, String filterName, Task task) throws Exception {
        JsonNode listedTask = listed(user, filterName).stream()
                .filter(candidate -> candidate.get("id").asText().equals(task.getId())).findFirst()
                .orElseThrow(() -> new AssertionError(filterName + " does not list " + task.getId() + " to " + user));
        Map<String, Object> card = new HashMap<>();
        JsonNode embedded = listedTask.path("_embedded").path("variable");
        embedded.forEach(variable -> {
            JsonNode value = variable.get("value");
            card.put(variable.get("name").asText(), value.isNumber() ? value.numberValue() : value.asText());
        });
        return card;
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

    private static Instant due(JsonNode task) {
        return java.time.OffsetDateTime.parse(task.get("due").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    }

    private void sharing(String team, boolean share) {
        transaction.executeWithoutResult(status -> teams.findById(team).orElseThrow().shareLeads(share));
    }

    private String managerOf(String team) {
        return identity.createUserQuery().memberOfGroup(Roles.MANAGERS).list().stream()
                .filter(user -> identity.createUserQuery().userId(user.getId()).memberOfGroup(team).count() > 0)
                .findFirst().orElseThrow().getId();
    }
}
