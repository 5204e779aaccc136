package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * A manager's day on the team board: Cara Losch (east) signs in to Tasklist after a few leads
 * were routed to her team, opens "Team board", finds exactly her own reps (not Rocco Neubert's,
 * the other manager of east) with the open leads routing gave them, opens a rep's leads and
 * reassigns one to another of her reps with a reason; the lead, its task and the board follow.
 * A rep meets no board. Screenshots: {@code target/screenshots/team-board-*.png}.
 */
@IntegrationTest
class TeamBoardBrowserTest extends BrowserTest {

    private static final String MANAGER = "cara.losch";
    private static final By OPEN_BOARD = By.cssSelector(".lr-board-toggle");
    private static final By BOARD = By.id("lead-router-team-board");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    RepRepository reps;
    @Autowired
    LeadRepository leads;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void everyoneAvailable() {
        driver.allRepsAvailable();
    }

    @Test
    void aManagerSeesHerOwnRepsCountsAndReassignsALeadFromTheBoard() {
        List<String> hers = reps.findByTeamIdOrderById("east").stream()
                .filter(rep -> MANAGER.equals(rep.getManagerId())).map(Rep::getId).toList();
        List<String> roccos = reps.findByTeamIdOrderById("east").stream()
                .filter(rep -> !MANAGER.equals(rep.getManagerId())).map(Rep::getId).toList();
        String lead = null;
        for (int i = 0; i < 12 && lead == null; i++) {
            String routed = driver.submitLead(newYorkLead());
            driver.runJobs();
            if (hers.contains(leads.require(routed).getOwnerId())) {
                lead = routed;
            }
        }
        assertThat(lead).as("a lead routed to one of cara's reps").isNotNull();
        String owner = leads.require(lead).getOwnerId();

        tasklist().logIn(MANAGER, "demo");
        openBoard();
        browser.screenshot("team-board-open");

        List<String> shown = browser.driver().findElements(By.cssSelector("#lead-router-team-board tr.lr-board-rep"))
                .stream().map(row -> row.getAttribute("data-rep")).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(hers).doesNotContainAnyElementsOf(roccos);
        for (String rep : hers) {
            assertThat(cell(rep, "lr-board-open")).as(rep + "'s open leads")
                    .startsWith(openLeads(rep) + " ");
        }
        assertThat(text(BOARD)).contains("Availability", "Overdue", "SLA met (month)", "Conversions (month)");

        row(owner).findElement(By.cssSelector(".lr-board-show-leads")).click();
        WebElement leadRow = browser.waitForVisible(By.cssSelector("#lead-router-team-board tr.lr-board-lead[data-lead='"
                + lead + "']"));
        browser.screenshot("team-board-leads");
        leadRow.findElement(By.cssSelector(".lr-board-reassign")).click();
        browser.waitForVisible(By.cssSelector("#lead-router-team-board .lr-reassign-form"));
        String newRep = hers.stream().filter(rep -> !rep.equals(owner)).findFirst().orElseThrow();
        browser.driver().findElement(By.cssSelector("#lead-router-team-board input.lr-reassign-choice[value='"
                + newRep + "']")).click();
        browser.driver().findElement(By.cssSelector("#lead-router-team-board .lr-reassign-reason"))
                .sendKeys("Covers this account's time zone");
        browser.screenshot("team-board-reassign-form");
        browser.driver().findElement(By.cssSelector("#lead-router-team-board .lr-reassign-submit")).click();
        WebElement done = browser.waitForVisible(By.cssSelector("#lead-router-team-board .lr-reassign-done"));
        browser.screenshot("team-board-reassigned");

        assertThat(done.getText()).contains("Reassigned", reps.findById(newRep).orElseThrow().getName());
        assertThat(leads.require(lead).getOwnerId()).isEqualTo(newRep);
        assertThat(driver.taskOf(lead).getAssignee()).isEqualTo(newRep);
        browser.waitFor("the board to show the moved lead", d -> cell(newRep, "lr-board-open")
                .startsWith(openLeads(newRep) + " ") && cell(owner, "lr-board-open").startsWith(openLeads(owner) + " "));
        browser.screenshot("team-board-after");
    }

    @Test
    void aRepMeetsNoBoard() {
        tasklist().logIn("violet.mclelland", "demo");
        browser.waitForVisible(By.cssSelector(".lr-panel-toggle"));
        assertThat(browser.driver().findElements(OPEN_BOARD)).isEmpty();
    }

    private void openBoard() {
        browser.waitForVisible(OPEN_BOARD).click();
        browser.waitFor("the board to load", d -> !d.findElements(By.cssSelector(
                "#lead-router-team-board tr.lr-board-rep, #lead-router-team-board .lr-error")).isEmpty());
    }

    private long openLeads(String rep) {
        return jdbc.queryForObject("select count(*) from leads where owner_id = ? and status = 'ASSIGNED'", Long.class,
                rep);
    }

    private WebElement row(String rep) {
        return browser.driver().findElement(By.cssSelector("#lead-router-team-board tr.lr-board-rep[data-rep='" + rep
                + "']"));
    }

    private String cell(String rep, String column) {
        return row(rep).findElement(By.cssSelector("td." + column)).getText();
    }

    private String text(By locator) {
        return browser.driver().findElement(locator).getText();
    }

    private static String newYorkLead() {
        return """
                {"firstName": "Grace", "lastName": "Board", "email": "grace@board-%1$s.com",
                 "company": "Board %1$s", "country": "USA", "state": "New York", "product": "GTX Pro",
                 "source": "Reference"}""".formatted(UUID.randomUUID().toString().substring(0, 8));
    }
}
