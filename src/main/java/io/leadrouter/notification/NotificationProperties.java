package io.leadrouter.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code leadrouter.notifications.*}). The SMTP server is Spring's
 * {@code spring.mail.host}, {@code port}, {@code username}, {@code password}.
 *
 * @param from    sender address of the e-mails
 * @param mail    {@code enabled}: send e-mail; by default on exactly when {@code spring.mail.host}
 *                is set, else notifications are only logged
 * @param webhook {@code url} to POST every notification to as JSON, and the shared {@code secret}
 *                its HMAC-SHA256 signature is made with (required with a url)
 */
@ConfigurationProperties("leadrouter.notifications")
public record NotificationProperties(
        @DefaultValue("lead-router@localhost") String from,
        @DefaultValue Mail mail,
        @DefaultValue Webhook webhook) {

    public record Mail(Boolean enabled) {
    }

    public record Webhook(String url, String secret) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
