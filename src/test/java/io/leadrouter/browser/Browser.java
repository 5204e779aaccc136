package io.leadrouter.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver} (both from the packages {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs). Each browser has a fresh profile, so no login, cookie or saved form
 * survives from one browser to the next.
 *
 * <p>Selenium is given both paths, so its Selenium Manager never runs: it would try to download a
 * browser or driver, and the build machines have no internet. Without the two programs a test
 * is skipped with the reason, unless the environment variable {@code CI} is set: then it fails,
 * so CI can never pass by running no browser at all.
 *
 * <p>Paths can be changed with {@code -Dleadrouter.browser.chromium=…} and
 * {@code -Dwebdriver.chrome.driver=…}; screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** Long enough for Tasklist's first load on a busy 2-core machine; waits end as soon as the page is ready. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium with a fresh profile, or skips (fails on CI) when there is none. */
    public static Browser start() {
        Path chromium = Path.of(System.getProperty("leadrouter.browser.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY,
                "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String why = "no " + (Files.isExecutable(chromium) ? chromedriver : chromium)
                    + " (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI is set, so the browser tests must run: " + why);
            }
            Assumptions.abort("Skipping the browser tests: " + why);
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException failed) {
            deleteQuietly(profile);
            throw failed;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Forgets the signed-in user of the page's site: its cookies (the webapps' session) and its
     * local storage (where Tasklist keeps saved forms). Call it on a page of that site.
     */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
        script("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    /**
     * Waits until the condition answers something other than null or false, and returns it; an
     * element the page drew again while the condition read it (stale) counts as not yet. When it
     * times out, what the browser showed is saved as {@code target/screenshots/timeout-<n>.png}
     * and the failure names that file: a wait that fails only on a build server can be looked at.
     */
    public <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).withMessage(what)
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException timedOut) {
            Path shown = screenshot("timeout-" + System.currentTimeMillis());
            timedOut.addSuppressed(new AssertionError("the page at " + driver.getCurrentUrl() + " as shown: " + shown));
            throw timedOut;
        }
    }

    public WebElement waitForVisible(By locator) {
        return waitFor(locator + " visible", d -> d.findElements(locator).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("leadrouter-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a left-over profile in the temporary directory harms nothing
        }
    }
}
