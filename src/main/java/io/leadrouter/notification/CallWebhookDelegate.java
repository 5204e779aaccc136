package io.leadrouter.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Call webhook" of the notification process; skipped when {@code callWebhook} is false. The delivery id is the notification's
 * process instance id: the same on every retry.
 */
@Component
class CallWebhookDelegate implements JavaDelegate {

    private final WebhookNotifier webhook;

    CallWebhookDelegate(WebhookNotifier webhook) {
        this.webhook = webhook;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("callWebhook"))) {
            return;
        }
        webhook.post((String) execution.getVariable("webhookEvent"), execution.getProcessInstanceId(),
                (String) execution.getVariable("webhookPayload"));
    }
}
