package io.leadrouter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one headless Chromium per test class ({@link Browser}), started
 * before its first test (so that each test reports why it was skipped where there is none) and
 * closed after its last, and the address of the application under test.
 */
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The application's address, {@code http://localhost:<port>}. */
    String root() {
        return "http://localhost:" + port;
    }

    /** Tasklist of the application under test, in this class's browser. */
    TasklistPage tasklist() {
        return new TasklistPage(browser, root());
    }
}
