package io.leadrouter.notification;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Send e-mail" of the notification process; skipped when {@code sendMail} is false. An
 * SMTP failure is thrown: the engine retries, then shows an incident.
 */
@Component
class SendEmailDelegate implements JavaDelegate {

    private final EmailNotifier email;

    SendEmailDelegate(EmailNotifier email) {
        this.email = email;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("sendMail"))) {
            return;
        }
        email.send(Arrays.stream(((String) execution.getVariable("mailTo")).split(",")).map(String::trim).toList(),
                (String) execution.getVariable("mailSubject"), (String) execution.getVariable("mailText"));
    }
}
