package io.leadrouter.notification;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TasklistLinks;

/**
 * BPMN "Send e-mail" of the notification process; skipped when {@code sendMail} is false. The
 * text ends with the Tasklist address of the recipient's task, when the notification links to one
 * ({@link NotificationDelivery}). An SMTP failure is thrown: the engine retries, then shows an incident.
 */
@Component
class SendEmailDelegate extends NotificationDelivery {

    private final EmailNotifier email;

    SendEmailDelegate(EmailNotifier email, TasklistLinks links) {
        super(links);
        this.email = email;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("sendMail"))) {
            return;
        }
        String text = (String) execution.getVariable("mailText");
        email.send(Arrays.stream(((String) execution.getVariable("mailTo")).split(",")).map(String::trim).toList(),
                (String) execution.getVariable("mailSubject"),
                taskUrl(execution).map(url -> text + "\nOpen it in Tasklist: " + url + "\n").orElse(text));
    }
}
