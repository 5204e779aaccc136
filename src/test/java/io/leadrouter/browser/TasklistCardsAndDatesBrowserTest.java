package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * A rep's Tasklist (issue 14): no Camunda 8 banner and no buttons that lead nowhere; the card of
 * their hot lead says which lead it is and marks it hot; in the Work lead's header they set a
 * follow-up date, which is saved (after a reload too, and in the engine), while its due date, the
 * response deadline, is refused with Tasklist's message. Cockpit shows no banner either.
 */
@IntegrationTest
class TasklistCardsAndDatesBrowserTest extends BrowserTest {

    private static final By BANNER = By.cssSelector(".ce-eol-banner");
    private static final By CREATE_TASK = By.cssSelector("li.create-task-action");
    private static final By START_PROCESS = By.cssSelector("li.start-process-action");
    private static final By CARD = By.cssSelector(".tasks-list li.task");
    private static final By FOLLOW_UP = By.cssSelector("[cam-tasklist-task-meta] .followup-date");
    private static final By DUE = By.cssSelector("[cam-tasklist-task-meta] .due-date");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;

    @Test
    void aRepSeesTheirHotLeadOnItsCardAndPlansItWithAFollowUpDateButCannotMoveItsDeadline() {
        String company = "Analytical Engines " + UUID.randomUUID().toString().substring(0, 8);
        String leadId = driver.submitLead("""
                {"firstName": "Ada", "lastName": "Byron", "email": "ada@%s.com", "phone": "+1 212 555 0100",
                 "company": "%s", "country": "US", "state": "NY", "product": "GTX Pro", "source": "Reference"}"""
                .formatted(company.replace(' ', '-').toLowerCase(), company));
        driver.runJobs();
        Task work = driver.taskOf(leadId);
        String rep = work.getAssignee();

        TasklistPage tasklist = tasklist().logIn(rep, "demo");
        browser.open(root() + "/camunda/app/tasklist/default/#/?filter="
                + filters.createFilterQuery().filterName("My leads").singleResult().getId());
        WebElement card = browser.waitFor("the card of the lead", d -> d.findElements(CARD).stream()
                .filter(c -> !c.findElements(By.cssSelector("a[href$='task=" + work.getId() + "']")).isEmpty())
                .findFirst().orElse(null));
        browser.screenshot("tasklist-rep-hot-lead-card");

        assertThat(card.getText()).as("a collapsed card").contains("Work lead", "Lead:", "Ada Byron", "Tier:", "HOT");
        WebElement expand = card.findElement(By.cssSelector(".shutter"));
        // the rep may have more leads from earlier tests: the card can sit under Tasklist's footer
        browser.script("arguments[0].scrollIntoView({block: 'center'});", expand);
        expand.click();
        browser.waitFor("the card expanded", d -> card.getText().contains("Score:"));
        browser.screenshot("tasklist-rep-hot-lead-card-expanded");
        assertThat(card.getText()).contains("Company:", company, "Score:");
        assertThat(card.findElement(By.cssSelector(".priority")).getText()).as("the card's priority").isEqualTo("90");
        WebElement tier = card.findElement(By.cssSelector(".variable-value[uib-tooltip='HOT']"));
        assertThat(tier.getCssValue("background-color")).as("HOT stands out").isEqualTo("rgba(181, 21, 43, 1)");
        assertPresentButHidden(BANNER, "Camunda's banner");
        assertPresentButHidden(CREATE_TASK, "Create task");
        assertPresentButHidden(START_PROCESS, "Start process");

        tasklist.openTask(work.getId());
        pickTheFifteenthOfNextMonth(FOLLOW_UP);
        browser.waitFor("the follow-up date saved", d -> tasks.createTaskQuery().taskId(work.getId()).singleResult()
                .getFollowUpDate() != null);
        browser.screenshot("tasklist-rep-follow-up-set");

        ZonedDateTime followUp = tasks.createTaskQuery().taskId(work.getId()).singleResult().getFollowUpDate()
                .toInstant().atZone(browserZone());
        assertThat(followUp.getDayOfMonth()).isEqualTo(15);
        assertThat(followUp.toLocalDate().withDayOfMonth(1))
                .isEqualTo(ZonedDateTime.now(browserZone()).toLocalDate().withDayOfMonth(1).plusMonths(1));
        assertThat(tasklist.notifications()).noneMatch(notification -> notification.contains("could not be saved"));

        browser.driver().navigate().refresh();
        String shownAfterReload = browser.waitForVisible(FOLLOW_UP).getText();
        browser.screenshot("tasklist-rep-follow-up-after-reload");
        assertThat(shownAfterReload).as("the follow-up date as the header shows it").isNotBlank()
                .doesNotContain("Set follow up");

        pickTheFifteenthOfNextMonth(DUE);
        String refused = browser.waitFor("Tasklist's answer to the due date", d -> tasklist.notifications().stream()
                .filter(notification -> notification.contains("response deadline")).findFirst().orElse(null));
        browser.screenshot("tasklist-rep-due-date-refused");
        assertThat(refused).contains("cannot be changed", "follow-up date");
        Task now = tasks.createTaskQuery().taskId(work.getId()).singleResult();
        assertThat(now.getDueDate()).isEqualTo(work.getDueDate());
        assertThat(now.getFollowUpDate()).isNotNull();
        assertThat(now.getAssignee()).isEqualTo(rep);
    }

    @Test
    void cockpitAndAdminShowNoCamundaEightBannerAndKeepTheirLayout() {
        new WebappLogin(browser).logIn(root() + "/camunda/app/cockpit/default/", "admin", "admin");
        WebElement header = browser.waitForVisible(By.cssSelector("[cam-widget-header] .navbar-brand"));
        browser.waitFor("Cockpit's dashboard", d -> d.findElement(By.tagName("body")).getText().contains("Deployed"));
        browser.screenshot("cockpit-admin-without-banner");

        assertPresentButHidden(BANNER, "Camunda's banner in Cockpit");
        assertThat(header.getLocation().getY()).as("the header starts at the top, no gap left by the banner")
                .isLessThan(20);

        browser.open(root() + "/camunda/app/admin/default/");
        browser.waitForVisible(By.cssSelector("[cam-widget-header] .navbar-brand"));
        browser.waitFor("Admin's dashboard",
                d -> d.findElement(By.tagName("body")).getText().contains("Authorizations"));
        browser.screenshot("admin-without-banner");
        assertPresentButHidden(BANNER, "Camunda's banner in Admin");
    }

    private void assertPresentButHidden(By element, String what) {
        List<WebElement> found = browser.driver().findElements(element);
        assertThat(found).as("%s is in the page (else this test checks nothing)", what).isNotEmpty();
        assertThat(found).as("%s shown", what).noneMatch(WebElement::isDisplayed);
    }

    /** Opens the header's date field, goes to next month, picks the 15th and applies it. */
    private void pickTheFifteenthOfNextMonth(By field) {
        browser.waitForVisible(field).findElement(By.cssSelector(".view-value")).click();
        WebElement picker = browser.waitForVisible(By.cssSelector(".cam-widget-inline-field.field-control.datepicker"));
        picker.findElement(By.cssSelector("button.uib-right")).click();
        browser.waitFor("the 15th of next month", d -> picker.findElements(By.xpath(
                ".//button[not(@disabled)][span[normalize-space()='15' and not(contains(@class,'text-muted'))]]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        browser.waitForVisible(By.cssSelector(".cam-widget-inline-field.btn-group .glyphicon-ok")).click();
    }

    private ZoneId browserZone() {
        return ZoneId.of(browser.<String>script("return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
    }
}
