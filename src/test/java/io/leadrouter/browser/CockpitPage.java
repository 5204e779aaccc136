package io.leadrouter.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Cockpit as a user meets it: the login page, and on its dashboard Lead Router's ops
 * dashboard (the plugin {@code cockpit/scripts/ops-dashboard}), its charts and what each drew.
 */
public final class CockpitPage {

    static final By OPS_DASHBOARD = By.id("lead-router-ops-dashboard");
    private static final By LOADED = By.cssSelector("#lead-router-ops-dashboard[data-loaded=true]");

    private final Browser browser;
    private final String app;

    /** {@code root} is the server's address, e.g. {@code http://localhost:8080}. */
    public CockpitPage(Browser browser, String root) {
        this.browser = browser;
        this.app = root + "/camunda/app/cockpit/default/";
    }

    /** Signs in ({@link WebappLogin}) and waits for Cockpit's dashboard with the ops dashboard loaded. */
    public CockpitPage logIn(String user, String password) {
        new WebappLogin(browser).logIn(app, user, password);
        browser.waitFor("Cockpit's dashboard", d -> d.getCurrentUrl().contains("#/dashboard"));
        browser.waitFor("the ops dashboard's charts", d -> d.findElements(LOADED).isEmpty() ? null : true);
        return this;
    }

    /** The ops dashboard's chart holders, by their {@code data-chart} name. */
    public WebElement chart(String name) {
        return browser.driver().findElement(By.cssSelector("#lead-router-ops-dashboard [data-chart='" + name + "']"));
    }

    /** How many of the chart's canvas pixels are painted (not transparent): more than its axes mean bars. */
    public long paintedPixels(String name) {
        Number painted = browser.script("""
                const canvas = arguments[0].querySelector('canvas');
                if (!canvas) { return -1; }
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
                return painted;""", chart(name));
        return painted.longValue();
    }

    /** The chart's labels along its x axis, as it recorded them ({@code data-labels}). */
    public List<String> labels(String name) {
        String labels = chart(name).getDomAttribute("data-labels");
        return labels == null || labels.isEmpty() ? List.of() : List.of(labels.split("\\|"));
    }

    /** The values of the chart's bars, as it recorded them ({@code data-values}); null for a missing one. */
    public List<Double> values(String name) {
        String values = chart(name).getDomAttribute("data-values");
        return values == null || values.isEmpty() ? List.of() : java.util.Arrays.stream(values.split(",", -1))
                .map(v -> v.isEmpty() ? null : Double.valueOf(v)).toList();
    }

    /** The whole ops dashboard in view, on a window tall enough for it, saved as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1900));
            browser.script("arguments[0].scrollIntoView({block: 'start'});",
                    browser.driver().findElement(OPS_DASHBOARD));
            browser.screenshot(name);
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }
}
