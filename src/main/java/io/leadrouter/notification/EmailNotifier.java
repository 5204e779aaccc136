package io.leadrouter.notification;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends a notification e-mail over the configured SMTP server; failures are thrown for the engine to retry. */
@Component
class EmailNotifier {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    EmailNotifier(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    void send(List<String> recipients, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        mailSender.getObject().send(message);
    }
}
