package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.LeadRepository;

/**
 * The ops dashboard in Cockpit draws its charts with data: after a few leads were routed to east
 * and west (one converted in time), sales ops sign in to Cockpit and find on its dashboard routing
 * health, leads per rep against the promised share, the response SLA, conversion by strategy and
 * the forecast, each a chart with bars, of every team. A manager (Cara Losch, east) opens Cockpit
 * too, without its Admin app, and finds the same dashboard of her team only. Screenshots:
 * {@code target/screenshots/cockpit-dashboard.png}, {@code cockpit-dashboard-manager.png}.
 */
@IntegrationTest
class CockpitDashboardBrowserTest extends BrowserTest {

    private static final List<String> CHARTS = List.of("routed-per-minute", "fairness", "sla", "conversion",
            "forecast");
    private static final By ADMIN_LINK = By.cssSelector("a[href*='/app/admin/']");
    private static final By PAGE_ERRORS = By.cssSelector(".notifications .alert-danger, .page-notifications .alert-danger");

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;

    @Test
    void salesOpsSeeEveryChartDrawnWithDataOfEveryTeam() {
        int routed = routeLeads();

        CockpitPage cockpit = new CockpitPage(browser, root()).logIn("sam.ops", "demo");
        cockpit.screenshot("cockpit-dashboard");

        for (String chart : CHARTS) {
            assertThat(cockpit.values(chart)).as(chart + "'s bars").isNotEmpty();
            assertThat(cockpit.labels(chart)).as(chart + "'s labels").hasSameSizeAs(cockpit.values(chart));
            assertThat(cockpit.paintedPixels(chart)).as(chart + " drawn on its canvas").isGreaterThan(2000);
        }
        assertThat(cockpit.values("routed-per-minute")).hasSize(60);
        assertThat(cockpit.values("routed-per-minute").stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .sum()).as("leads routed in the last hour").isGreaterThanOrEqualTo(routed);
        assertThat(cockpit.values("sla").stream().filter(Objects::nonNull).anyMatch(v -> v > 0))
                .as("a response in time").isTrue();
        assertThat(cockpit.labels("forecast")).anyMatch(label -> label.startsWith("east"))
                .anyMatch(label -> label.startsWith("west"));
        assertThat(teamsShown()).contains("east", "west", "central");
        assertThat(text()).doesNotContain("Not for your role", "Could not be loaded");
        assertThat(browser.driver().findElements(PAGE_ERRORS)).as("Cockpit's error notices").isEmpty();
    }

    @Test
    void aManagerSeesTheDashboardOfHerTeamOnlyAndNoAdmin() {
        routeLeads();

        CockpitPage cockpit = new CockpitPage(browser, root()).logIn("cara.losch", "demo");
        cockpit.screenshot("cockpit-dashboard-manager");

        assertThat(teamsShown()).containsExactly("east");
        assertThat(cockpit.labels("forecast")).isNotEmpty().allMatch(label -> label.startsWith("east ·"));
        assertThat(cockpit.values("routed-per-minute")).hasSize(60);
        List<String> pools = browser.driver().findElements(By.cssSelector(".lr-ops-pool option")).stream()
                .map(WebElement::getText).toList();
        assertThat(pools).allMatch(pool -> pool.startsWith("east ·"));
        // her team's charts; SLA and conversion are her own reps', who may have had none of these leads
        for (String chart : List.of("routed-per-minute", "fairness", "forecast")) {
            assertThat(cockpit.paintedPixels(chart)).as(chart + " drawn on its canvas").isGreaterThan(2000);
        }
        assertThat(text()).doesNotContain("Not for your role", "Could not be loaded");
        assertThat(browser.driver().findElements(ADMIN_LINK)).as("a link to the Admin app").isEmpty();
        assertThat(browser.driver().findElements(PAGE_ERRORS)).as("Cockpit's error notices").isEmpty();
    }

    /** Leads to east (New York) and west (California), routed; the first to east converted in time. */
    private int routeLeads() {
        List<String> routed = List.of(
                driver.submitLead(lead("NY")), driver.submitLead(lead("NY")), driver.submitLead(lead("NY")),
                driver.submitLead(lead("CA")), driver.submitLead(lead("CA")));
        driver.runJobs();
        String converted = routed.get(0);
        driver.complete(driver.taskOf(converted), Map.of("outcome", "CONVERTED", "dealValue", 1200));
        return (int) routed.stream().filter(id -> leads.require(id).getOwnerId() != null).count();
    }

    private List<String> teamsShown() {
        return List.of(browser.driver().findElement(CockpitPage.OPS_DASHBOARD).getDomAttribute("data-teams").split(","));
    }

    private String text() {
        return browser.driver().findElement(CockpitPage.OPS_DASHBOARD).getText();
    }

    private static String lead(String state) {
        return """
                {"firstName": "Opal", "lastName": "Dash", "email": "opal@dash-%1$s.com", "company": "Dash %1$s",
                 "country": "US", "state": "%2$s", "industry": "technology", "employees": 2500,
                 "annualRevenue": 250000000, "product": "GTX Pro", "source": "Reference"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), state);
    }
}
