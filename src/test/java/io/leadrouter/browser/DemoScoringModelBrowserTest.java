package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.demo.DemoScoringModel;
import io.leadrouter.scoring.XEducationThroughTheApi;
import io.leadrouter.scoring.registry.ModelStatus;
import io.leadrouter.scoring.registry.ScoringModelEntry;
import io.leadrouter.scoring.registry.ScoringModels;

/**
 * The demo as a newcomer meets it: it starts with a published conversion model trained on the
 * bundled X Education history (all 7,374 past leads stored as history, published by "demo" with a
 * validation AUC of at least 0.88; a second start trains nothing), and the first lead posted
 * afterwards reaches its rep in Tasklist with its probability on the card and its probability and
 * reasons in the Work lead form (screenshots {@code demo-model-card.png}, {@code demo-model-work-lead.png}).
 * In a context of its own (a published model tiers every lead by its probability, which the shared
 * test context's tests do not expect), in the JVM of the own-context tests, where it is the only one
 * whose engine is named "default": the webapps find no other.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:demo-scoring-model;DB_CLOSE_DELAY=-1",
                "leadrouter.demo.scoring-model=true"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScoringModelBrowserTest extends BrowserTest {

    private static final By CARD = By.cssSelector(".tasks-list li.task");

    @Autowired
    DemoScoringModel demo;
    @Autowired
    ScoringModels models;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    FilterService filters;

    @Test
    @Order(1)
    void theFirstStartPublishesAModelTrainedOnTheBundledHistoryAndALaterStartKeepsIt() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from leads where status = 'HISTORY' and history_source = ?",
                Integer.class, DemoScoringModel.SOURCE)).isEqualTo(7374);
        ScoringModelEntry published = models.publishedEntry().orElseThrow();
        assertThat(published.status()).isEqualTo(ModelStatus.PUBLISHED);
        assertThat(published.trainedBy()).isEqualTo(DemoScoringModel.BY);
        assertThat(published.publishedBy()).isEqualTo(DemoScoringModel.BY);
        assertThat(published.auc()).isGreaterThanOrEqualTo(0.88);
        assertThat(published.training().converted() + published.training().notConverted()
                + published.validation().converted() + published.validation().notConverted()).isEqualTo(7374);

        demo.run(new DefaultApplicationArguments());

        assertThat(models.list()).as("a start with a published model trains nothing").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from leads where status = 'HISTORY'", Integer.class))
                .isEqualTo(7374);
    }

    @Test
    @Order(2)
    void theFirstLeadReachesItsRepWithItsProbabilityOnTheCardAndItsReasonsInTheForm() {
        String leadId = XEducationThroughTheApi.postLead(driver, """
                {"Prospect ID": "%s", "Lead Origin": "Landing Page Submission", "Lead Source": "Google",
                 "Do Not Email": "No", "Do Not Call": "No", "TotalVisits": "5",
                 "Total Time Spent on Website": "1620", "Page Views Per Visit": "5", "Last Activity": "SMS Sent",
                 "Country": "India", "Specialization": "Finance Management",
                 "What is your current occupation": "Working Professional", "City": "Mumbai",
                 "A free copy of Mastering The Interview": "No"}""".formatted("xe-" + UUID.randomUUID()));
        JsonNode lead = driver.lead(leadId);
        assertThat(lead.has("conversionProbability")).as("%s", lead).isTrue();
        String percent = Math.round(lead.get("conversionProbability").asDouble() * 100) + " %";
        String firstReason = lead.get("scoreFactors").get(0).get("words").asText();
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");

        TasklistPage tasklist = tasklist().logIn(work.getAssignee(), "demo");
        browser.open(tasklist.address() + "#/?filter="
                + filters.createFilterQuery().filterName("My leads").singleResult().getId());
        WebElement card = browser.waitFor("the card of the lead", d -> d.findElements(CARD).stream()
                .filter(c -> !c.findElements(By.cssSelector("a[href$='task=" + work.getId() + "']")).isEmpty())
                .findFirst().orElse(null));
        WebElement expand = card.findElement(By.cssSelector(".shutter"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", expand);
        expand.click();
        browser.waitFor("the card expanded", d -> card.getText().contains("Conversion:"));
        browser.screenshot("demo-model-card");
        assertThat(card.getText()).contains("Conversion:", percent, "Tier:", lead.get("tier").asText());

        TasklistPage.TaskView form = tasklist.openTask(work.getId());
        browser.script("arguments[0].scrollIntoView({block: 'center'});",
                form.form().findElement(By.cssSelector("textarea")));
        browser.screenshot("demo-model-work-lead");
        assertThat(form.value("Conversion probability")).isEqualTo(percent);
        assertThat(form.value("What moved the probability most")).startsWith(firstReason)
                .hasLineCount(lead.get("scoreFactors").size());
        assertThat(form.isDisabled("Conversion probability")).as("read-only").isTrue();
    }
}
