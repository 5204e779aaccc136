package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * The rep's own panel in Tasklist: the rep who is next in line for their team's round-robin
 * signs in, opens "My panel", reads that they are next, marks themself away with one click, and
 * the next lead of their team goes to the colleague the panel named second; then plans an
 * absence and cancels it. Sales ops, who are no reps, meet no "My panel". Screenshots:
 * {@code target/screenshots/rep-panel-*.png}.
 */
@IntegrationTest
class RepPanelBrowserTest extends BrowserTest {

    private static final By OPEN_PANEL = By.cssSelector(".lr-panel-toggle");
    private static final By PANEL = By.id("lead-router-rep-panel");
    private static final By HEADLINE = By.cssSelector("#lead-router-rep-panel .lr-headline");
    private static final By AVAILABILITY = By.cssSelector("#lead-router-rep-panel .lr-availability");
    private static final By TOGGLE_AVAILABILITY = By.cssSelector("#lead-router-rep-panel .lr-availability-toggle");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;

    @AfterEach
    void everyoneAvailable() {
        driver.allRepsAvailable();
    }

    @Test
    void theRepNextInLineMarksThemselfAwayAndTheNextLeadGoesToTheColleagueThePanelNamedSecond() {
        List<String> line = roundRobinLine("east");
        String next = line.get(0);
        String second = line.get(1);

        tasklist().logIn(next, "demo");
        openPanel();
        browser.screenshot("rep-panel-open");
        assertThat(text(HEADLINE)).isEqualTo("You are next in line");
        assertThat(text(AVAILABILITY)).isEqualTo("You are available for new leads.");
        assertThat(text(PANEL)).contains("round-robin gives the next lead to whoever has waited longest",
                "Open leads", "Given today", "09:00–17:00 · America/New_York", "No absence planned.",
                "Response SLA met", "Conversions");

        browser.driver().findElement(TOGGLE_AVAILABILITY).click();
        browser.waitFor("the panel to say the rep is away",
                d -> text(AVAILABILITY).startsWith("You are away"));
        browser.screenshot("rep-panel-away");
        assertThat(text(HEADLINE)).isEqualTo("Routing skips you right now: marked unavailable");
        assertThat(reps.findById(next).orElseThrow().isAvailable()).isFalse();

        String leadId = driver.submitLead("""
                {"firstName": "Grace", "lastName": "Hopper", "email": "grace@panel-%1$s.com",
                 "company": "Panel %1$s", "country": "USA", "state": "New York", "product": "GTX Pro",
                 "source": "Reference"}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();
        JsonNode lead = driver.lead(leadId);
        assertThat(lead.get("team").asText()).isEqualTo("east");
        assertThat(lead.get("owner").asText()).as("the next lead of the team").isNotEqualTo(next).isEqualTo(second);

        planAndCancelAnAbsence();
    }

    @Test
    void aUserWhoIsNoRepMeetsNoPanel() {
        tasklist().logIn("sam.ops", "demo");
        browser.waitFor("the panel plugin to hear that sam.ops is no rep",
                d -> !d.findElements(By.cssSelector("[data-lr-panel='not-a-rep']")).isEmpty());
        browser.waitForVisible(By.cssSelector(".lr-board-toggle"));
        browser.screenshot("rep-panel-not-a-rep");
        assertThat(browser.driver().findElements(OPEN_PANEL)).as("sales ops are no reps: no My panel").isEmpty();
        assertThat(driver.as("sam.ops", "demo").getForObject("/api/me/panel", JsonNode.class).get("rep").asBoolean())
                .as("what the plugin asks").isFalse();
    }

    /** Through the panel's form: an absence next year, listed, then cancelled. */
    private void planAndCancelAnAbsence() {
        WebElement from = browser.driver().findElement(By.cssSelector("#lead-router-rep-panel input[name=startsAt]"));
        WebElement to = browser.driver().findElement(By.cssSelector("#lead-router-rep-panel input[name=endsAt]"));
        int nextYear = java.time.Year.now().getValue() + 1;
        browser.script("arguments[0].value = arguments[2] + '-07-01T09:00'; arguments[1].value = arguments[2] + "
                + "'-07-15T18:00';", from, to, nextYear);
        browser.driver().findElement(By.cssSelector("#lead-router-rep-panel input[name=reason]")).sendKeys("summer");
        browser.driver().findElement(By.cssSelector("#lead-router-rep-panel .lr-absence-form button")).click();
        WebElement listed = browser.waitForVisible(By.cssSelector("#lead-router-rep-panel .lr-absences li"));
        browser.screenshot("rep-panel-absence-planned");
        assertThat(listed.getText()).contains("summer", String.valueOf(nextYear));

        browser.driver().findElement(By.cssSelector("#lead-router-rep-panel .lr-cancel-absence")).click();
        browser.waitFor("the absence to be cancelled", d -> text(PANEL).contains("No absence planned."));
    }

    private void openPanel() {
        browser.waitForVisible(OPEN_PANEL).click();
        browser.waitFor("the panel to load", d -> !d.findElements(By.cssSelector(
                "#lead-router-rep-panel .lr-headline, #lead-router-rep-panel .lr-not-rep, "
                        + "#lead-router-rep-panel .lr-error:not([hidden])")).isEmpty());
    }

    private String text(By locator) {
        return browser.driver().findElement(locator).getText();
    }

    /** The team's reps by their round-robin place now, as their panels say it (skipped reps left out). */
    private List<String> roundRobinLine(String team) {
        String[] byPlace = new String[100];
        List<String> line = new ArrayList<>();
        for (Rep rep : reps.findByTeamIdOrderById(team)) {
            JsonNode place = driver.admin().getForObject("/api/reps/" + rep.getId() + "/panel", JsonNode.class)
                    .get("rotation").get("roundRobin").get("place");
            if (place != null) {
                byPlace[place.asInt()] = rep.getId();
            }
        }
        for (String rep : byPlace) {
            if (rep != null) {
                line.add(rep);
            }
        }
        assertThat(line).as("reps of " + team + " in line").hasSizeGreaterThanOrEqualTo(2);
        return line;
    }
}
