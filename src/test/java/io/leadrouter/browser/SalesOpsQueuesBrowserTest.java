package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.RepChoices;

/**
 * Sales ops' day in Tasklist (issue 15): the queue "To review" shows the held lead's card (lead,
 * tier, company, score) and its age; in "To assign" sales ops open the lead routing found nobody
 * for, claim it, pick a rep from the list (availability and load on each line) and complete:
 * the lead is that rep's. Screenshots under {@code target/screenshots/}.
 */
@IntegrationTest
class SalesOpsQueuesBrowserTest extends BrowserTest {

    private static final By CLAIM = By.cssSelector("button.claim, a.claim, .task-card .claim");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    FilterService filters;
    @Autowired
    RepChoices choices;
    @Autowired
    TaskService tasks;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void salesOpsPickARepFromTheListInToAssignAndTheLeadIsTheirs() {
        driver.setAvailability("west", false);
        String company = "Navy Systems " + UUID.randomUUID().toString().substring(0, 8);
        String leadId = driver.submitLead(lead(company, "USA", "California"));
        driver.runJobs();
        Task assign = driver.taskOf(leadId);
        assertThat(assign.getTaskDefinitionKey()).isEqualTo("AssignLeadManually");

        TasklistPage tasklist = tasklist().logIn("sam.ops", "demo");
        WebElement card = openQueue("To assign", assign.getId());
        browser.screenshot("sales-ops-to-assign-queue");
        assertThat(card.getText()).contains("Assign lead manually", "Grace Hopper", "HOT");

        TasklistPage.TaskView task = tasklist.openTaskIn(filterId("To assign"), assign.getId());
        assertThat(task.text()).contains("Claim the task");
        browser.waitFor("Claim", d -> d.findElements(CLAIM).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null)).click();
        browser.waitFor("the task claimed", d -> "sam.ops".equals(tasks.createTaskQuery().taskId(assign.getId())
                .singleResult().getAssignee()));
        task.waitForForm();
        browser.screenshot("sales-ops-assign-lead-claimed");
        RepChoices.Choice anna = choices.forLeadOf("west").stream()
                .filter(choice -> choice.repId().equals("anna.snelling")).findFirst().orElseThrow();
        List<String> offered = task.openList("Rep");
        browser.screenshot("sales-ops-assign-lead-rep-list-open");
        task.search("Rep", "Anna Snell", anna.label());
        browser.screenshot("sales-ops-assign-lead-rep-list");
        assertThat(offered).contains(anna.label());
        assertThat(offered).anyMatch(label -> label.contains("marked unavailable, override needed"));
        task.complete();
        browser.screenshot("sales-ops-assigned");

        assertThat(driver.lead(leadId).get("owner").asText()).isEqualTo("anna.snelling");
        assertThat(driver.taskOf(leadId).getAssignee()).isEqualTo("anna.snelling");
        JsonNode assigned = events(leadId).stream().filter(event -> event.get("type").asText().equals("ASSIGNED_BY_HAND"))
                .findFirst().orElseThrow();
        assertThat(assigned.get("actor").asText()).as("the timeline names who picked the rep").isEqualTo("sam.ops");
        assertThat(assigned.get("rep").asText()).isEqualTo("anna.snelling");
    }

    @Test
    void salesOpsSeeTheHeldLeadInToReviewWithItsCard() {
        String company = "Held Systems " + UUID.randomUUID().toString().substring(0, 8);
        String leadId = driver.submitLead(lead(company, "Nar nia", null));
        driver.runJobs();
        Task review = driver.taskOf(leadId);
        assertThat(review.getTaskDefinitionKey()).as("a hot lead of an unknown country is held").isEqualTo("ReviewLead");

        tasklist().logIn("sam.ops", "demo");
        WebElement card = openQueue("To review", review.getId());
        card.findElement(By.cssSelector(".shutter")).click();
        browser.waitFor("the card expanded", d -> card.getText().contains("Score:"));
        browser.screenshot("sales-ops-to-review-queue");

        assertThat(card.getText()).contains("Review lead", "Lead:", "Grace Hopper", "Tier:", "HOT", "Company:",
                company, "Score:");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .as("the queues come first in the filter list").containsSubsequence("To review", "To assign",
                        "Escalated", "My leads");
    }

    private List<JsonNode> events(String leadId) {
        List<JsonNode> events = new java.util.ArrayList<>();
        driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class).get("events")
                .forEach(events::add);
        return events;
    }

    private String filterId(String filterName) {
        return filters.createFilterQuery().filterName(filterName).singleResult().getId();
    }

    /** Opens the filter and waits for the task's card in it. */
    private WebElement openQueue(String filterName, String taskId) {
        return tasklist().openFilter(filterId(filterName), taskId);
    }

    private static String lead(String company, String country, String state) {
        return """
                {"firstName": "Grace", "lastName": "Hopper", "email": "grace@%s.com", "company": "%s",
                 "country": "%s", %s "industry": "Technology", "employees": 2500, "annualRevenue": 250000000,
                 "product": "gtx pro", "source": "reference"}"""
                .formatted(company.replace(' ', '-').toLowerCase(), company, country,
                        state == null ? "" : "\"state\": \"" + state + "\",");
    }
}
