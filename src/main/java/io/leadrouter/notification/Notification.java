package io.leadrouter.notification;

import java.util.List;

/**
 * A notification as composed when it was requested: e-mail recipients, subject and text, and
 * the JSON body for the webhook. Delivery sends exactly this, however late it runs, with one
 * addition: the Tasklist address of the open task of {@code taskOf} (null: none), which often
 * does not exist yet when the notification is requested (the rep is told before the Work lead
 * task is created), so delivery looks it up, once for both channels.
 */
public record Notification(NotificationKind kind, String leadId, List<String> recipients, String subject, String text,
                           String payload, String taskOf) {

    public Notification {
        recipients = List.copyOf(recipients);
    }
}
