package io.leadrouter.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * POSTs a notification as JSON to the configured webhook URL. Receivers check the signature
 * header {@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA256 of the raw body with the
 * shared secret. {@value #DELIVERY} stays the same on retries, so receivers can drop duplicates.
 * Anything but a 2xx answer fails, and the engine retries.
 */
@Component
class WebhookNotifier {

    static final String SIGNATURE = "X-LeadRouter-Signature";
    static final String EVENT = "X-LeadRouter-Event";
    static final String DELIVERY = "X-LeadRouter-Delivery";

    private final NotificationProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookNotifier(NotificationProperties properties) {
        this.properties = properties;
    }

    void post(String event, String deliveryId, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.webhook().url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(EVENT, event)
                .header(DELIVERY, deliveryId)
                .header(SIGNATURE, "sha256=" + sign(body, properties.webhook().secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new IllegalStateException("Webhook " + properties.webhook().url() + " unreachable: " + unreachable,
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the webhook", interrupted);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Webhook " + properties.webhook().url() + " answered "
                    + response.statusCode());
        }
    }

    /** Hex HMAC-SHA256 of the body with the secret. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException everyJvmHasHmacSha256) {
            throw new IllegalStateException(everyJvmHasHmacSha256);
        }
    }
}
