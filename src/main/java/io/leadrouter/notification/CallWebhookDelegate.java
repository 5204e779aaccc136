package io.leadrouter.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.engine.TasklistLinks;

/**
 * BPMN "Call webhook" of the notification process; skipped when {@code callWebhook} is false. The
 * payload gets {@code taskUrl}, the Tasklist address of the recipient's task, when the
 * notification links to one ({@link NotificationDelivery}). The delivery id is the notification's
 * process instance id: the same on every retry.
 */
@Component
class CallWebhookDelegate extends NotificationDelivery {

    private final WebhookNotifier webhook;
    private final ObjectMapper json;

    CallWebhookDelegate(WebhookNotifier webhook, TasklistLinks links, ObjectMapper json) {
        super(links);
        this.webhook = webhook;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("callWebhook"))) {
            return;
        }
        String payload = (String) execution.getVariable("webhookPayload");
        webhook.post((String) execution.getVariable("webhookEvent"), execution.getProcessInstanceId(),
                taskUrl(execution).map(url -> withTaskUrl(payload, url)).orElse(payload));
    }

    private String withTaskUrl(String payload, String url) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(payload);
            body.put(TASK_URL, url);
            return json.writeValueAsString(body);
        } catch (JsonProcessingException composedHere) {
            throw new IllegalStateException("The webhook payload composed for this notification is no JSON object",
                    composedHere);
        }
    }
}
