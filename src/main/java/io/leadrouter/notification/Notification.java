package io.leadrouter.notification;

import java.util.List;

/**
 * A notification as composed when it was requested: e-mail recipients, subject and text, and
 * the JSON body for the webhook. Delivery sends exactly this, however late it runs.
 */
public record Notification(NotificationKind kind, String leadId, List<String> recipients, String subject, String text,
                           String payload) {

    public Notification {
        recipients = List.copyOf(recipients);
    }
}
