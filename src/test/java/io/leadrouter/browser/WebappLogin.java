package io.leadrouter.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in on the login page of a Camunda web app (Tasklist, Cockpit), which all share one.
 * The app opens its start page first and then routes to the login page, whose form may be drawn
 * again meanwhile, and the session's CSRF token (cookie {@code XSRF-TOKEN}) comes with the first
 * call of a new session: a sign-in sent without it is refused ("Login Failed"). On a busy machine
 * both happened: keys typed into the first drawing of the form were lost, and now and then no token
 * came (a call of the previous page, still under way when its cookies were deleted, seems to leave
 * a session whose token the browser no longer has). So the credentials are typed until Angular
 * holds them, and a page without its token starts over with a fresh session, up to three times.
 */
final class WebappLogin {

    private static final By USER_NAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[type=password]");
    private static final By SIGN_IN = By.cssSelector("form[name=signinForm] button[type=submit]");

    private final Browser browser;

    WebappLogin(Browser browser) {
        this.browser = browser;
    }

    /** Signs in to the app at {@code appUrl} ({@code …/camunda/app/<app>/default/}) as a fresh session; returns once sent. */
    void logIn(String appUrl, String user, String password) {
        browser.open(appUrl);
        for (int attempt = 1; !freshLoginPage(); attempt++) {
            if (attempt == 3) {
                throw new AssertionError("The web app showed no login page with a CSRF token (cookie XSRF-TOKEN) in "
                        + "three fresh sessions; as shown: " + browser.screenshot("login-without-csrf-token"));
            }
        }
        browser.waitFor("the credentials in the login form", d -> typed(USER_NAME, user) & typed(PASSWORD, password));
        browser.driver().findElement(SIGN_IN).click();
    }

    /** Forgets the signed-in user, opens the login page anew; whether it came, with the new session's CSRF token. */
    private boolean freshLoginPage() {
        browser.forgetSession();
        browser.driver().navigate().refresh();
        try {
            // the app starts after its plugins load; a start that hangs on a busy machine (seen once in a
            // clean-clone run: the spinner for 30 s, the next test's start took a second) gets a fresh page
            browser.waitFor("the login page", d -> d.getCurrentUrl().contains("#/login"));
        } catch (TimeoutException notStarted) {
            return false;
        }
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.manage().getCookieNamed("XSRF-TOKEN") != null);
            return true;
        } catch (TimeoutException noToken) {
            return false;
        }
    }

    /** Whether the field holds the text, typed as a user would (Angular marks it dirty); types it again when not. */
    private boolean typed(By field, String text) {
        WebElement input = browser.waitForVisible(field);
        if (text.equals(input.getDomProperty("value"))
                && String.valueOf(input.getDomAttribute("class")).contains("ng-dirty")) {
            return true;
        }
        input.clear();
        input.sendKeys(text);
        return false;
    }
}
