package io.leadrouter.notification;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.leadrouter.engine.TasklistLinks;

/**
 * What the delivery steps of the notification process share: the Tasklist address of the open
 * task the notification links to ({@link Notification#taskOf()}, variable {@value #LINK_TO_TASK_OF}).
 * Delivery runs after the lead's transaction, when the task exists. The first channel to deliver
 * looks the task up and keeps the address in {@value #TASK_URL} ("" for none), so that e-mail and
 * webhook, and a retry of either, carry the same link.
 */
abstract class NotificationDelivery implements JavaDelegate {

    /** The user whose open task of the lead the notification links to; absent: no link. */
    static final String LINK_TO_TASK_OF = "linkToTaskOf";
    static final String TASK_URL = "taskUrl";

    private final TasklistLinks links;

    NotificationDelivery(TasklistLinks links) {
        this.links = links;
    }

    /** The address of the task to link to; empty when the notification links to none, or the task is gone. */
    Optional<String> taskUrl(DelegateExecution execution) {
        String assignee = (String) execution.getVariable(LINK_TO_TASK_OF);
        if (assignee == null) {
            return Optional.empty();
        }
        String known = (String) execution.getVariable(TASK_URL);
        if (known == null) {
            known = links.openTaskOf((String) execution.getVariable("leadId"), assignee).orElse("");
            execution.setVariable(TASK_URL, known);
        }
        return known.isEmpty() ? Optional.empty() : Optional.of(known);
    }
}
