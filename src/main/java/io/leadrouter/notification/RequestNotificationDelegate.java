package io.leadrouter.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The "Notify …" steps of the lead process (input parameter {@code notification}: ASSIGNED,
 * REMINDER, REASSIGNED, ESCALATED). It only composes the notification and starts a
 * {@code leadNotification} instance, whose delivery waits for the job executor: starting it
 * cannot fail on a mail server or webhook, so notifications never hold a lead up. With neither
 * e-mail nor webhook on, the notification is logged and nothing starts.
 */
@Component
class RequestNotificationDelegate implements JavaDelegate {

    static final String PROCESS_KEY = "leadNotification";

    private static final Logger log = LoggerFactory.getLogger(RequestNotificationDelegate.class);

    private final NotificationComposer composer;
    private final NotificationChannels channels;

    RequestNotificationDelegate(NotificationComposer composer, NotificationChannels channels) {
        this.composer = composer;
        this.channels = channels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationKind kind = NotificationKind.valueOf(
                ((String) execution.getVariable("notification")).trim().toUpperCase(Locale.ROOT));
        Notification notification = composer.compose(kind, (String) execution.getVariable("leadId"),
                (String) execution.getVariable("previousOwner"));
        boolean sendMail = channels.mail() && !notification.recipients().isEmpty();
        boolean callWebhook = channels.webhook();
        if (!sendMail && !callWebhook) {
            log.info("Notification skipped (e-mail {}, webhook off): {} to {}",
                    channels.mail() ? "has no recipient" : "off", notification.subject(), notification.recipients());
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadId", notification.leadId());
        variables.put("notification", kind.name());
        variables.put("sendMail", sendMail);
        variables.put("callWebhook", callWebhook);
        variables.put("mailTo", String.join(",", notification.recipients()));
        variables.put("mailSubject", notification.subject());
        variables.put("mailText", notification.text());
        variables.put("webhookEvent", kind.event());
        variables.put("webhookPayload", notification.payload());
        if (notification.taskOf() != null) {
            variables.put(NotificationDelivery.LINK_TO_TASK_OF, notification.taskOf());
        }
        execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(PROCESS_KEY, notification.leadId(), variables);
    }
}
