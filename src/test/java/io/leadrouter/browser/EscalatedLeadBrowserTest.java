package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.sla.SlaFixture;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * A manager's escalated lead, handed to a rep in Tasklist: nobody answered a hot lead from New
 * York in time, neither its rep nor the colleagues it went to (the engine clock passes each
 * response deadline, the timers run), so it waits for a manager of theirs in "Handle
 * escalated lead". She opens "Escalated", opens the task, chooses "Hand to a rep",
 * picks one of her reps from the list, says why and completes: the lead is that rep's, with a
 * new Work lead task, and its timeline says who handed it to whom and why. Screenshots:
 * {@code target/screenshots/escalated-*.png}.
 */
@IntegrationTest
class EscalatedLeadBrowserTest extends BrowserTest {

    private static final String REASON = "Knows the account from last year's trial";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    SlaFixture fixture;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    RepRepository reps;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void theManagerHandsTheEscalatedLeadToARepPickedFromTheList() {
        String leadId = fixture.postHotNewYorkLead();
        driver.runJobs();
        Set<String> missedIt = new HashSet<>();
        for (int breach = 0; breach < 5 && driver.taskOf(leadId).getTaskDefinitionKey().equals("WorkLead"); breach++) {
            missedIt.add(driver.lead(leadId).get("owner").asText());
            fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
            driver.runJobsOf(leadId);
        }
        Task handle = driver.taskOf(leadId);
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        String manager = handle.getAssignee();
        assertThat(manager).as("the manager it was escalated to").isNotNull();
        JsonNode rep = oneOfHerRepsOffered(handle, manager, missedIt);
        String repId = rep.get("value").asText();
        String repName = reps.findById(repId).orElseThrow().getName();

        TasklistPage tasklist = tasklist().logIn(manager, "demo");
        WebElement card = tasklist.openFilter(filterId("Escalated"), handle.getId());
        assertThat(card.getText()).contains("Handle escalated lead");
        browser.screenshot("escalated-1-queue");
        TasklistPage.TaskView task = tasklist.openTaskIn(filterId("Escalated"), handle.getId());
        assertThat(task.shows("Rep")).as("the list appears with its choice").isFalse();
        task.choose("Outcome", "Hand to a rep (choose below)");
        assertThat(task.shows("Rep")).isTrue();
        assertThat(task.shows("Note")).as("the hand-over's words are its reason: a note would be dropped").isFalse();
        List<String> offered = task.openList("Rep");
        browser.screenshot("escalated-2-rep-list");
        assertThat(offered).contains(rep.get("label").asText());
        task.search("Rep", repName.substring(0, repName.length() - 2), rep.get("label").asText());
        task.enter("Why this rep", REASON);
        browser.screenshot("escalated-3-handed-to-rep-form");
        task.complete();

        JsonNode lead = driver.lead(leadId);
        assertThat(lead.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(lead.get("owner").asText()).isEqualTo(repId);
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");
        assertThat(work.getAssignee()).isEqualTo(repId);
        assertThat(work.getDueDate().toInstant()).as("a fresh response clock").isAfter(fixture.now());
        JsonNode handed = events(leadId).stream()
                .filter(event -> event.get("type").asText().equals("REASSIGNED_BY_HAND")).findFirst().orElseThrow();
        assertThat(handed.get("actor").asText()).isEqualTo(manager);
        assertThat(handed.get("rep").asText()).isEqualTo(repId);
        assertThat(handed.get("summary").asText()).contains(repName, REASON);

        TasklistPage.TaskView repsTask = tasklist().logIn(repId, "demo").openTask(work.getId());
        assertThat(repsTask.value("Routed because")).startsWith("Reassigned by " + manager).endsWith(REASON);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", repsTask.form()
                .findElement(org.openqa.selenium.By.xpath(".//label[normalize-space(text()[1])='Routed because']")));
        browser.screenshot("escalated-4-rep-work-lead");
    }

    /**
     * An option of the task's rep list ({@code repChoices}): one of the manager's own reps, none
     * who missed the lead's deadline, who needs no override.
     */
    private JsonNode oneOfHerRepsOffered(Task handle, String manager, Set<String> missedIt) {
        Set<String> hers = reps.findAll().stream().filter(rep -> manager.equals(rep.getManagerId()) && rep.isActive())
                .map(Rep::getId).filter(rep -> !missedIt.contains(rep)).collect(Collectors.toSet());
        ObjectValue choices = tasks.getVariableLocalTyped(handle.getId(), "repChoices", false);
        try {
            List<JsonNode> options = new ArrayList<>();
            json.readTree(choices.getValueSerialized()).forEach(options::add);
            return options.stream().filter(option -> hers.contains(option.get("value").asText()))
                    .filter(option -> !option.get("label").asText().contains("override needed")).findFirst()
                    .orElseThrow();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> events(String leadId) {
        List<JsonNode> events = new ArrayList<>();
        driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class).get("events")
                .forEach(events::add);
        return events;
    }

    private String filterId(String filterName) {
        return filters.createFilterQuery().filterName(filterName).singleResult().getId();
    }
}
