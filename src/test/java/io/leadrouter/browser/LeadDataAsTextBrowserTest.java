package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * Lead data is text in Tasklist (issue 11, finding 7): a lead whose fields hold Markdown and
 * HTML, pointing at a local server, opens in a real Chromium. The literal text is shown, the
 * form holds no image, link or markup made from it, and the browser never asks that server
 * for anything.
 */
@IntegrationTest
class LeadDataAsTextBrowserTest extends BrowserTest {

    private static RecordingHttpServer bait;

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    HistoryService history;

    @BeforeAll
    static void startBait() {
        bait = new RecordingHttpServer();
    }

    @AfterAll
    static void stopBait() {
        bait.close();
    }

    private String image() {
        return "![x](" + bait.url("/t.png") + ")";
    }

    private String link() {
        return "[click](" + bait.url("/phish") + ")";
    }

    private String html() {
        return "<img src=" + bait.url("/h.png") + "> <b>bold</b>";
    }

    @Test
    void repSeesHostileLeadDataAsTextInWorkLead() {
        ObjectNode hostile = hostileLead();
        hostile.put("company", link());
        hostile.put("city", image());
        String leadId = driver.submitLead(hostile.toString());
        driver.runJobs();
        Task work = driver.taskOf(leadId);
        assertThat(work.getTaskDefinitionKey()).isEqualTo("WorkLead");

        TasklistPage.TaskView task = tasklist().logIn(work.getAssignee(), "demo").openTask(work.getId());
        browser.screenshot("work-lead-with-hostile-lead-data");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(task.value("Lead")).as("the lead's name, literally").isEqualTo(image() + " " + html());
        soft.assertThat(task.value("Company")).as("the company, literally").isEqualTo(link());
        soft.assertThat(task.value("Location")).as("the location, literally").isEqualTo(image() + ", CA, US");
        soft.assertThat(task.value("E-mail")).isEqualTo(hostile.get("email").asText());
        soft.assertThat(task.isDisabled("Lead")).as("lead data is shown, not edited").isTrue();
        nothingMadeFromLeadData(soft, task);
        soft.assertAll();
    }

    @Test
    void salesOpsSeeHostileLeadDataAsTextInReviewLead() {
        ObjectNode hostile = hostileLead();
        hostile.put("country", link()); // an unknown country: the problem found quotes it
        String leadId = driver.submitLead(hostile.toString()); // a hot lead of unknown country: held for review
        driver.runJobs();
        Task review = driver.taskOf(leadId);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewLead");

        TasklistPage.TaskView task = tasklist().logIn("sam.ops", "demo").openTask(review.getId());
        browser.screenshot("review-lead-with-hostile-lead-data");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(task.value("First name")).isEqualTo(image());
        soft.assertThat(task.value("Last name")).isEqualTo(html());
        soft.assertThat(task.value("Country")).isEqualTo(link());
        soft.assertThat(task.value("Problems found")).as("the problems, quoting the lead literally")
                .contains("Unknown country '" + link() + "'").contains("No company name");
        soft.assertThat(task.value("Why this lead is held")).as("the policy's reasons, quoting the lead literally")
                .startsWith("Unknown country '" + link() + "': ").doesNotContain("No company name");
        nothingMadeFromLeadData(soft, task);
        soft.assertAll();
    }

    @Test
    void completingWorkLeadInTasklistSendsTheOutcomeAndNoneOfTheLeadDataShown() {
        ObjectNode lead = hostileLead();
        lead.remove("phone"); // shown empty: a form that sent it back would store "" for it
        lead.put("company", link());
        String leadId = driver.submitLead(lead.toString());
        driver.runJobs();
        Task work = driver.taskOf(leadId);

        TasklistPage.TaskView task = tasklist().logIn(work.getAssignee(), "demo").openTask(work.getId());
        task.choose("Outcome", "Contacted, still in progress");
        browser.screenshot("work-lead-outcome-chosen");
        task.complete();

        assertThat(driver.lead(leadId).get("status").asText()).isEqualTo("CONTACTED");
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(work.getProcessInstanceId()).list();
        assertThat(variables).filteredOn(v -> v.getName().equals("phone")).singleElement()
                .satisfies(phone -> assertThat(phone.getValue()).isNull());
        assertThat(variables).filteredOn(v -> v.getName().equals("score")).singleElement()
                .satisfies(score -> assertThat(score.getTypeName()).isEqualTo("integer"));
        assertThat(variables).filteredOn(v -> v.getName().equals("company")).singleElement()
                .satisfies(company -> assertThat(company.getValue()).isEqualTo(link()));
        assertThat(bait.requests()).isEmpty();
    }

    /** No element built from lead data in the form, no address of the bait anywhere on the page, no request to it. */
    private void nothingMadeFromLeadData(SoftAssertions soft, TasklistPage.TaskView task) {
        soft.assertThat(task.elements("img, a:not(.fjs-powered-by-link), b, iframe")).as("images, links or markup in the form")
                .isEmpty();
        List<String> pointingAtBait = browser.script("""
                return Array.from(document.querySelectorAll('[src], [href], [srcset], [style*=url]'))
                    .map(e => e.outerHTML).filter(html => html.includes(arguments[0]));""",
                "127.0.0.1:" + bait.port());
        soft.assertThat(pointingAtBait).as("elements pointing at the lead's addresses").isEmpty();
        soft.assertThat(task.text()).as("the form's text").doesNotContain("bold").doesNotContain("click");
        soft.assertThat(bait.requests()).as("requests the browser sent to the lead's addresses").isEmpty();
    }

    /** A Californian lead whose name and notes are Markdown and HTML; no company unless a test adds one. */
    private ObjectNode hostileLead() {
        ObjectNode lead = JsonNodeFactory.instance.objectNode();
        lead.put("firstName", image());
        lead.put("lastName", html());
        lead.put("email", "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@navy-systems.com");
        lead.put("phone", "+1 415 555 0100");
        lead.put("country", "USA");
        lead.put("state", "California");
        lead.put("product", "GTX Pro");
        lead.put("source", "Reference");
        lead.putObject("attributes").put("notes", image() + " " + link() + " " + html());
        return lead;
    }
}
