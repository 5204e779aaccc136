package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * A rep meets no board and no "Reassign" tab on their task; sales ops reassign a lead in follow-up
 * from its task's "Reassign" tab. Screenshots: {@code target/screenshots/team-board-*.png},
 * {@code reassign-tab-*.png}.
 */
@IntegrationTest
class TeamBoardBrowserTest extends BrowserTest {

    private static final String MANAGER = "cara.losch";
    private static final By OPEN_BOARD = By.cssSelector(".lr-board-toggle");
    private static final By BOARD = By.id("lead-router-team-board");
    private static final By TABS = By.cssSelector(".tabbed-content .nav-tabs li");

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
        Map<String, Long> before = hers.stream().collect(Collectors.toMap(rep -> rep, this::openLeads));
        Map<String, Long> routedToHer = new HashMap<>();
        String lead = null;
        for (int i = 0; i < 12 && (lead == null || i < 4); i++) {
            String routed = driver.submitLead(newYorkLead());
            driver.runJobs();
            String owner = leads.require(routed).getOwnerId();
            routedToHer.merge(owner, 1L, Long::sum);
            if (lead == null && hers.contains(owner)) {
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
            // what each rep had, and what routing gave them in this test, counted from the leads themselves
            long expected = before.get(rep) + routedToHer.getOrDefault(rep, 0L);
            assertThat(cell(rep, "lr-board-open")).as(rep + "'s open leads").startsWith(expected + " ");
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
    void aRepMeetsNoBoardAndNoReassignTabSalesOpsReassignAFollowUpFromItsTask() {
        String lead = driver.submitLead(newYorkLead());
        driver.runJobs();
        String owner = leads.require(lead).getOwnerId();
        driver.complete(driver.taskOf(lead), java.util.Map.of("outcome", "CONTACTED"));
        String followUp = driver.taskOf(lead).getId();

        tasklist().logIn(owner, "demo");
        tasklist().openTask(followUp);
        browser.waitForVisible(By.cssSelector(".lr-panel-toggle"));
        assertThat(browser.driver().findElements(OPEN_BOARD)).isEmpty();
        browser.waitFor("the task's tabs", d -> !d.findElements(TABS).isEmpty());
        browser.screenshot("reassign-tab-rep");
        assertThat(visibleTabs()).as("the rep's own task").doesNotContain("Reassign");

        tasklist().logIn("sam.ops", "demo");
        tasklist().openTaskHeader(followUp);
        browser.waitFor("the Reassign tab", d -> visibleTabs().contains("Reassign"));
        browser.driver().findElements(TABS).stream().filter(tab -> tab.getText().trim().equals("Reassign"))
                .findFirst().orElseThrow().findElement(By.tagName("a")).click();
        browser.waitForVisible(By.cssSelector(".lr-reassign-tab .lr-reassign-form"));
        String newRep = reps.findByTeamIdOrderById("east").stream().filter(Rep::isActive).map(Rep::getId)
                .filter(rep -> !rep.equals(owner)).findFirst().orElseThrow();
        browser.driver().findElement(By.cssSelector(".lr-reassign-tab input.lr-reassign-choice[value='" + newRep
                + "']")).click();
        browser.driver().findElement(By.cssSelector(".lr-reassign-tab .lr-reassign-reason")).sendKeys("Territory change");
        browser.screenshot("reassign-tab-sales-ops");
        click(browser.driver().findElement(By.cssSelector(".lr-reassign-tab .lr-reassign-submit")));
        WebElement done = browser.waitForVisible(By.cssSelector(".lr-reassign-tab .lr-reassign-done"));
        browser.screenshot("reassign-tab-done");

        assertThat(done.getText()).contains("Reassigned", reps.findById(newRep).orElseThrow().getName(), "CONTACTED");
        assertThat(leads.require(lead).getOwnerId()).isEqualTo(newRep);
        assertThat(driver.taskOf(lead).getTaskDefinitionKey()).isEqualTo("FollowUpLead");
        assertThat(driver.taskOf(lead).getAssignee()).isEqualTo(newRep);
    }

    /** Clicks the element once it is scrolled into the middle of the view (Tasklist's footer covers the bottom). */
    private void click(WebElement element) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private List<String> visibleTabs() {
        return browser.driver().findElements(TABS).stream().filter(WebElement::isDisplayed)
                .map(tab -> tab.getText().trim()).toList();
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
