package io.leadrouter.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The company domain of a lead, from its e-mail address or website. Free mail providers
 * ({@code gmail.com}, {@code outlook.com}, …: {@code reference/free-email-domains.txt}) say
 * nothing about a company and give no domain.
 */
public final class Domains {

    private static final Set<String> FREE_MAIL = load();

    private Domains() {
    }

    /** The company domain of an e-mail address, or null (no address, or a free mail provider). */
    public static String ofEmail(String email) {
        String domain = Emails.domain(email);
        return domain == null || FREE_MAIL.contains(domain) ? null : domain;
    }

    /** The domain of a website ({@code https://www.Acme.com/about} → {@code acme.com}), or null. */
    public static String ofWebsite(String website) {
        String text = Placeholders.clean(website);
        if (text == null) {
            return null;
        }
        String host = text.toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        int end = host.length();
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        host = host.substring(0, end);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.contains(".") && !FREE_MAIL.contains(host) ? host : null;
    }

    public static boolean isFreeMail(String domain) {
        return domain != null && FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = Domains.class.getResourceAsStream("/reference/free-email-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("reference/free-email-domains.txt is missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
