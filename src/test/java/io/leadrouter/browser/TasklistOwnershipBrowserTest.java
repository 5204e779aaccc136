package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * A lead is worked only by its owner, in Tasklist too (issue 11, finding 2): a teammate who may
 * read the team's leads opens a colleague's Work lead and can neither take it (remove the
 * assignee, claim) nor complete it; the owner completes it.
 */
@IntegrationTest
class TasklistOwnershipBrowserTest extends BrowserTest {

    private static final By REMOVE_ASSIGNEE = By.cssSelector("a.reset-assignee");
    private static final By TASKLIST_ANSWERED = By.cssSelector(".page-notifications .alert, button.claim");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RepRepository reps;
    @Autowired
    TeamRepository teams;
    @Autowired
    TransactionTemplate transaction;

    private String sharingTeam;

    @AfterEach
    void teamStopsSharing() {
        if (sharingTeam != null) {
            shareLeads(sharingTeam, false);
        }
    }

    @Test
    void teammateCannotTakeOrCompleteAColleaguesLeadWhichItsOwnerCompletes() {
        shareLeads("west", true);
        String leadId = driver.submitLead("""
                {"firstName": "Ada", "lastName": "Byron", "email": "ada-%s@analytical-engines.com",
                 "phone": "+1 415 555 0100", "company": "Analytical Engines", "country": "USA", "state": "California",
                 "product": "GTX Pro", "source": "Reference"}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();
        Task work = driver.taskOf(leadId);
        String owner = work.getAssignee();
        String teammate = reps.findByTeamIdOrderById("west").stream().map(Rep::getId)
                .filter(rep -> !rep.equals(owner)).findFirst().orElseThrow();

        TasklistPage.TaskView seenByTeammate = tasklist().logIn(teammate, "demo").openTaskHeader(work.getId());
        browser.screenshot("ownership-colleagues-lead-seen-by-teammate");
        assertThat(seenByTeammate.offersClaim()).as("Claim offered to a teammate").isFalse();
        assertThat(seenByTeammate.canComplete()).as("Complete offered to a teammate").isFalse();
        // a sharing team sees that the lead is a colleague's, not the lead's data
        assertThat(seenByTeammate.showsForm()).as("the lead's form shown to a teammate").isFalse();
        assertThat(seenByTeammate.pageText()).contains("Work lead", owner);
        assertThat(seenByTeammate.pageText()).doesNotContain("analytical-engines.com", "+1 415 555 0100");
        tryToRemoveTheAssignee();
        browser.screenshot("ownership-teammate-tried-to-remove-the-assignee");

        assertThat(tasks.createTaskQuery().taskId(work.getId()).singleResult().getAssignee())
                .as("the Work lead's assignee after the teammate's attempt").isEqualTo(owner);
        TasklistPage.TaskView reopened = tasklist().openTaskHeader(work.getId());
        assertThat(reopened.offersClaim()).as("Claim offered to a teammate").isFalse();
        assertThat(reopened.canComplete()).as("Complete offered to a teammate").isFalse();

        TasklistPage.TaskView seenByOwner = tasklist().logIn(owner, "demo").openTask(work.getId());
        seenByOwner.choose("Outcome", "Contacted, still in progress");
        seenByOwner.complete();
        assertThat(driver.lead(leadId).get("status").asText()).isEqualTo("CONTACTED");
        assertThat(driver.lead(leadId).get("owner").asText()).isEqualTo(owner);
    }

    /**
     * Tasklist shows its × next to a colleague's name whatever the user may do; the engine must
     * refuse it. When the × is there, clicks it and waits for Tasklist's answer.
     */
    private void tryToRemoveTheAssignee() {
        browser.driver().findElements(REMOVE_ASSIGNEE).stream().filter(WebElement::isDisplayed).findFirst()
                .ifPresent(remove -> {
                    remove.click();
                    browser.waitForVisible(TASKLIST_ANSWERED);
                });
    }

    private void shareLeads(String teamId, boolean share) {
        transaction.executeWithoutResult(status -> {
            Team team = teams.findById(teamId).orElseThrow();
            team.shareLeads(share);
            teams.save(team);
        });
        sharingTeam = share ? teamId : null;
    }
}
