package io.leadrouter.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as a user meets it: the login page, a task opened by its id, the task's
 * header (assignee, claim) and its Camunda Form.
 */
public final class TasklistPage {

    private static final By SIGNED_IN = By.cssSelector("[cam-tasklist-filters]");
    private static final By TASK_HEADER = By.cssSelector("[cam-tasklist-task-meta]");
    private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");
    private static final By CARD = By.cssSelector(".tasks-list li.task");
    /** The form's fields, or Tasklist's "Form failure" where the form's variables may not be read. */
    private static final By FORM_FIELD_OR_FAILURE = By.cssSelector(
            "[cam-tasklist-form-camunda] .fjs-form .fjs-form-field, .alert-danger");

    private final Browser browser;
    private final String app;

    /** {@code root} is the server's address, e.g. {@code http://localhost:8080}. */
    public TasklistPage(Browser browser, String root) {
        this.browser = browser;
        this.app = root + "/camunda/app/tasklist/default/";
    }

    /** The app's address, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/}. */
    public String address() {
        return app;
    }

    /** Signs in on Tasklist's login page ({@link WebappLogin}) and waits for the task list. */
    public TasklistPage logIn(String user, String password) {
        new WebappLogin(browser).logIn(app, user, password);
        browser.waitForVisible(SIGNED_IN);
        return this;
    }

    /** Opens the task as a link to it would ({@code #/?task=<id>}) and waits for its Camunda Form. */
    public TaskView openTask(String taskId) {
        TaskView task = openTaskHeader(taskId);
        task.waitForForm();
        return task;
    }

    /**
     * Opens the task in that filter ({@code #/?filter=<id>&task=<id>}), as a click on its card
     * does, and waits for its Camunda Form: Tasklist keeps a task open after a claim only while
     * the filter shown lists it.
     */
    public TaskView openTaskIn(String filterId, String taskId) {
        TaskView task = openAddress(app + "#/?filter=" + filterId + "&task=" + taskId);
        task.waitForForm();
        return task;
    }

    /** Opens the filter ({@code #/?filter=<id>}) and waits for the task's card in its list; the card. */
    public WebElement openFilter(String filterId, String taskId) {
        browser.open(app + "#/?filter=" + filterId);
        return browser.waitFor("the card of task " + taskId + " in filter " + filterId, d -> d.findElements(CARD).stream()
                .filter(card -> !card.findElements(By.cssSelector("a[href$='task=" + taskId + "']")).isEmpty())
                .findFirst().orElse(null));
    }

    /**
     * Opens the task and waits for its header (name, assignee) and for Tasklist to have tried its
     * form: the fields, or "Form failure" where the form's variables may not be read.
     */
    public TaskView openTaskHeader(String taskId) {
        return openAddress(app + "#/?task=" + taskId);
    }

    private TaskView openAddress(String url) {
        if (url.equals(browser.driver().getCurrentUrl())) {
            browser.driver().navigate().refresh(); // the same address again would not load the task anew
        } else {
            browser.open(url);
        }
        browser.waitForVisible(TASK_HEADER);
        browser.waitFor("the form or its failure", d -> !d.findElements(FORM_FIELD_OR_FAILURE).isEmpty());
        return new TaskView(browser);
    }

    /** Tasklist's notifications (errors such as a refused call), as the user reads them. */
    public List<String> notifications() {
        return browser.driver().findElements(NOTIFICATION).stream().map(WebElement::getText).toList();
    }

    /** What the task's column shows: header, Camunda Form and its buttons. */
    public static final class TaskView {

        private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
        private static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");

        private final Browser browser;

        private TaskView(Browser browser) {
            this.browser = browser;
        }

        void waitForForm() {
            browser.waitForVisible(FORM);
            // form-js renders the fields after it has read the task's variables
            browser.waitFor("the form's fields", d -> !d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).isEmpty());
        }

        public WebElement form() {
            return browser.driver().findElement(FORM);
        }

        /** The value of the form field with that label, as the user sees it in the input; null without such a field. */
        public String value(String label) {
            return form().findElements(fieldLabelled(label)).stream().findFirst()
                    .map(field -> field.findElement(By.cssSelector("input, textarea")).getDomProperty("value"))
                    .orElse(null);
        }

        /** Whether the form has a field with that label that takes no input (form-js does not submit those). */
        public boolean isDisabled(String label) {
            return form().findElements(fieldLabelled(label)).stream()
                    .anyMatch(field -> !field.findElement(By.cssSelector("input, textarea")).isEnabled());
        }

        /** The form's visible text, as a user reads it (labels and static text; not input values). */
        public String text() {
            return form().getText();
        }

        /** The HTML of the form's elements the selector matches, e.g. {@code "img, a"}. */
        public List<String> elements(String cssSelector) {
            return form().findElements(By.cssSelector(cssSelector)).stream()
                    .map(element -> element.getDomProperty("outerHTML")).toList();
        }

        /** Picks an option of a select field by the option's label; answers the options the field offered. */
        public List<String> choose(String label, String option) {
            WebElement field = field(label);
            browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
            field.findElement(By.cssSelector(".fjs-input-group")).click();
            By item = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']");
            WebElement chosen = browser.waitFor("the option " + option + " of " + label,
                    d -> field.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            List<String> offered = field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                    .map(offer -> offer.getDomProperty("textContent").trim()).toList();
            chosen.click();
            return offered;
        }

        /**
         * Opens the searchable select with that label and answers the options it offers before
         * anything is typed; the list stays open (for a screenshot) until {@link #search} picks one.
         */
        public List<String> openList(String label) {
            WebElement field = field(label);
            browser.script("arguments[0].scrollIntoView({block: 'start'});", field);
            field.findElement(By.cssSelector("input")).click();
            return browser.waitFor("the options of " + label, d -> {
                List<String> items = field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .map(item -> item.getDomProperty("textContent").trim()).toList();
                return items.isEmpty() ? null : items;
            });
        }

        /** In the searchable select with that label, types part of a name and picks the option with that label. */
        public void search(String label, String typed, String option) {
            WebElement field = field(label);
            WebElement input = field.findElement(By.cssSelector("input"));
            input.sendKeys(typed);
            browser.waitFor("the option " + option, d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item"))
                    .stream().filter(item -> item.isDisplayed() && item.getText().trim().equals(option)).findFirst()
                    .orElse(null)).click();
        }

        /** Types into the text, number or date field with that label, and leaves it (a date picker takes the date). */
        public void enter(String label, String text) {
            WebElement input = input(label);
            browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
            input.click();
            input.sendKeys(text);
            input.sendKeys(Keys.TAB);
        }

        /** Whether the form shows a field with that label (form-js hides a field whose condition says so). */
        public boolean shows(String label) {
            return form().findElements(fieldLabelled(label)).stream().anyMatch(WebElement::isDisplayed);
        }

        public boolean canComplete() {
            return browser.driver().findElements(COMPLETE).stream()
                    .anyMatch(complete -> complete.isDisplayed() && complete.isEnabled());
        }

        /** Whether the Camunda Form shows any field (it does not when its variables may not be read). */
        public boolean showsForm() {
            return browser.driver().findElements(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form .fjs-form-field"))
                    .stream().anyMatch(WebElement::isDisplayed);
        }

        /** Everything the page shows as text, header, form and notifications. */
        public String pageText() {
            return browser.driver().findElement(By.tagName("body")).getText();
        }

        /** Clicks Complete and waits until Tasklist has closed the task. */
        public void complete() {
            // Tasklist's notices (e.g. "You are assigned to the following tasks…") sit over the button
            browser.driver().findElements(By.cssSelector(".page-notifications .alert .close")).stream()
                    .filter(WebElement::isDisplayed).forEach(WebElement::click);
            WebElement complete = browser.driver().findElement(COMPLETE);
            // below the form, under Tasklist's fixed footer until scrolled to
            browser.script("arguments[0].scrollIntoView({block: 'center'});", complete);
            complete.click();
            browser.waitFor("the task to close", d -> d.findElements(FORM).isEmpty());
        }

        /** Whether the header offers to claim the task. */
        public boolean offersClaim() {
            return browser.driver().findElements(By.cssSelector(".task-card .claim, button.claim, a.claim")).stream()
                    .anyMatch(WebElement::isDisplayed);
        }

        /** Whether the header offers to remove the assignee (the × next to the name). */
        public boolean offersUnassign() {
            return browser.driver().findElements(By.cssSelector("button.unclaim")).stream()
                    .anyMatch(WebElement::isDisplayed);
        }

        private WebElement field(String label) {
            return form().findElement(fieldLabelled(label));
        }

        private static By fieldLabelled(String label) {
            return By.xpath(".//*[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
                    + "[.//label[normalize-space(text()[1])='" + label + "']]");
        }

        private WebElement input(String label) {
            return field(label).findElement(By.cssSelector("input, textarea"));
        }
    }
}
