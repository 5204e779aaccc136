package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * Ops see the follow-up in Cockpit: the diagram of the lead's process instance holds "Follow up
 * until outcome" with its steps and timers, and the token of a contacted lead waits at "Follow up
 * lead". The screenshot {@code follow-up-in-cockpit.png} shows the model's layout.
 */
@IntegrationTest
class FollowUpInCockpitBrowserTest extends BrowserTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void aContactedLeadWaitsAtFollowUpLeadInTheDiagram() {
        String lead = driver.submitLead("""
                {"firstName": "Coco", "lastName": "Pit", "email": "coco@cockpit-%1$s.com", "company": "Cockpit %1$s",
                 "country": "US", "state": "CA", "industry": "technology", "employees": 2500,
                 "annualRevenue": 250000000, "product": "GTX Pro", "source": "Reference"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();
        String instance = driver.taskOf(lead).getProcessInstanceId();
        tasks.complete(driver.taskOf(lead).getId(), java.util.Map.of("outcome", "CONTACTED"));
        try {
            String cockpit = root() + "/camunda/app/cockpit/default/";
            new WebappLogin(browser).logIn(cockpit, "admin", "admin");
            browser.waitFor("Cockpit's dashboard", d -> d.getCurrentUrl().contains("#/dashboard") ? true : null);
            browser.open(cockpit + "#/process-instance/" + instance + "/runtime");
            browser.waitFor("the diagram", d -> d.findElements(By.cssSelector("[data-element-id=FollowUpLead]"))
                    .isEmpty() ? null : true);
            browser.script("""
                    const canvas = document.querySelector('.djs-container');
                    if (canvas) { canvas.scrollIntoView(); }""");
            browser.screenshot("follow-up-in-cockpit");
            // the part of the diagram after Work lead, larger: how the follow-up is laid out
            browser.script("""
                    document.querySelector('.djs-container svg g.viewport')
                        .setAttribute('transform', 'matrix(0.4, 0, 0, 0.4, -1090, -20)');""");
            browser.screenshot("follow-up-in-cockpit-closer");

            List<String> shown = browser.script("""
                    return Array.from(document.querySelectorAll('[data-element-id]'))
                        .map(e => e.getAttribute('data-element-id'));""");
            assertThat(shown).contains("FollowUpUntilOutcome", "ScheduleFollowUp", "FollowUpLead",
                    "RecordFollowUpOutcome", "FollowUpClosedGateway", "FollowUpDue", "FollowUpWindowOver",
                    "CloseAfterFollowUpWindow", "LeadClosedGateway", "EscalatedLeadClosedGateway", "FollowUpJoin");
            assertThat(browser.driver().findElements(
                    By.cssSelector("[data-container-id=FollowUpLead] .badge, .badge[data-activity-id=FollowUpLead]")))
                    .as("the running token's badge on Follow up lead").isNotEmpty();
        } finally {
            runtime.deleteProcessInstance(instance, "test over", true, true);
        }
    }
}
