package io.leadrouter.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Which ways out are on: e-mail (when an SMTP server is configured) and the webhook (when a URL
 * is). Wrong combinations fail at start-up rather than at the first lead.
 */
@Component
class NotificationChannels {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

    private final boolean mail;
    private final boolean webhook;

    NotificationChannels(NotificationProperties properties, Environment environment,
                         ObjectProvider<JavaMailSender> mailSender) {
        String host = environment.getProperty("spring.mail.host");
        boolean hostSet = host != null && !host.isBlank();
        this.mail = properties.mail().enabled() != null ? properties.mail().enabled() : hostSet;
        if (mail && mailSender.getIfAvailable() == null) {
            throw new IllegalStateException("leadrouter.notifications.mail.enabled is true, but no SMTP server is "
                    + "configured: set spring.mail.host (SPRING_MAIL_HOST)");
        }
        this.webhook = properties.webhook().configured();
        if (webhook && (properties.webhook().secret() == null || properties.webhook().secret().isBlank())) {
            throw new IllegalStateException("leadrouter.notifications.webhook.url is set without a secret to sign "
                    + "with: set leadrouter.notifications.webhook.secret (LEADROUTER_NOTIFICATIONS_WEBHOOK_SECRET)");
        }
        log.info("Notifications: e-mail {}, webhook {}", mail ? "via " + host : "off (set spring.mail.host to send)",
                webhook ? "to " + properties.webhook().url() : "off");
    }

    boolean mail() {
        return mail;
    }

    boolean webhook() {
        return webhook;
    }
}
