package io.leadrouter.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links into Camunda's Tasklist for messages that leave the application (notifications): the
 * address of a task as its users reach it, {@code <public URL>/camunda/app/tasklist/<engine>/#/?task=<id>}.
 * The public URL is {@code leadrouter.public-url} ({@code LEADROUTER_PUBLIC_URL}), the address
 * users open Lead Router at (behind the load balancer); without one there are no links
 * (the {@code prod} profile sets none by default, rather than links to a wrong host).
 */
@Component
public class TasklistLinks {

    private static final Logger log = LoggerFactory.getLogger(TasklistLinks.class);

    private final TaskService tasks;
    private final String tasklist;

    TasklistLinks(TaskService tasks, ProcessEngine engine,
                  @Value("${leadrouter.public-url:}") String publicUrl,
                  @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        this.tasks = tasks;
        this.tasklist = publicUrl == null || publicUrl.isBlank() ? null
                : trimSlash(checked(publicUrl.trim())) + trimSlash(webapps) + "/app/tasklist/" + engine.getName() + "/";
        if (tasklist == null) {
            log.info("Notifications carry no Tasklist links: set leadrouter.public-url (LEADROUTER_PUBLIC_URL) "
                    + "to the address users open Lead Router at");
        }
    }

    /** Tasklist's own address; empty without a public URL. */
    public Optional<String> tasklist() {
        return Optional.ofNullable(tasklist);
    }

    /** The address that opens the task in Tasklist; empty without a public URL. */
    public Optional<String> task(String taskId) {
        return tasklist().map(root -> root + "#/?task=" + taskId);
    }

    /**
     * The address of the user's open task in the process instances with that business key (a
     * lead's: its id), the newest if several: what a notification to that user links to. Empty
     * when they have no such task (any more), or without a public URL.
     */
    public Optional<String> openTaskOf(String businessKey, String assignee) {
        if (tasklist == null || businessKey == null || assignee == null) {
            return Optional.empty();
        }
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskAssignee(assignee).active()
                .orderByTaskCreateTime().desc().listPage(0, 1).stream()
                .findFirst().map(Task::getId).flatMap(this::task);
    }

    private static String checked(String publicUrl) {
        try {
            URI uri = new URI(publicUrl);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return publicUrl;
            }
        } catch (URISyntaxException invalid) {
            // answered below
        }
        throw new IllegalStateException("leadrouter.public-url (LEADROUTER_PUBLIC_URL) must be the http(s) address "
                + "users open Lead Router at, such as https://leads.example.com, not '" + publicUrl + "'");
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
