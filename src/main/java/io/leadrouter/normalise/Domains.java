package io.leadrouter.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * The company domain of a lead, from its e-mail address or website: the registrable domain by the
 * public suffix list ({@code jane@sales.eu.acme.co.uk} and {@code https://www.acme.co.uk} both
 * give {@code acme.co.uk}), so that every address and site of one company gives one domain.
 * Free mail providers ({@code gmail.com}, {@code outlook.com}, …:
 * {@code reference/free-email-domains.txt}) say nothing about a company and give no domain.
 */
public final class Domains {

    private static final Set<String> FREE_MAIL = load();

    private Domains() {
    }

    /** The company domain of an e-mail address, or null (no address, a free mail provider, no domain). */
    public static String ofEmail(String email) {
        return company(registrable(Emails.domain(email)));
    }

    /** The company domain of a website ({@code https://www.Sales.Acme.com/about} → {@code acme.com}), or null. */
    public static String ofWebsite(String website) {
        return company(registrable(website));
    }

    /**
     * The registrable domain that a website, URL or host name names, in lower case and without
     * scheme, port or path: the part a company registered, one label below its public suffix
     * ({@code https://www.Acme.com/about} → {@code acme.com}, {@code sales.eu.acme.co.uk} →
     * {@code acme.co.uk}, {@code acme.github.io} stays whole since {@code github.io} is a suffix
     * too). Null for blanks and what names no company: an IP address, a single label
     * ({@code localhost}), a public suffix alone ({@code co.uk}). A host the list cannot place (a
     * suffix it does not know, such as {@code acme.example}, or a name DNS would not take) is kept
     * as written without {@code www.}, so nothing the lead sent is lost.
     */
    public static String registrable(String website) {
        String host = hostOf(website);
        if (host == null || InetAddresses.isUriInetAddress(host)) {
            return null;
        }
        if (InternetDomainName.isValid(host)) {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            if (name.isPublicSuffix()) {
                return null;
            }
        }
        String withoutWww = host.startsWith("www.") ? host.substring(4) : host;
        return withoutWww.contains(".") ? withoutWww : null;
    }

    /**
     * The top-level domain of a website, URL, host or e-mail domain, in lower case: the last label
     * of its public suffix in the ICANN section of the public suffix list ({@code acme.co.uk} →
     * {@code uk}, {@code https://www.acme.de/} → {@code de}, {@code acme.github.io} → {@code io}).
     * Null for blanks, IP addresses, a suffix alone and a host under no suffix the list knows
     * ({@code acme.example}).
     */
    public static String topLevelDomain(String website) {
        String host = hostOf(website);
        if (host == null || InetAddresses.isUriInetAddress(host) || !InternetDomainName.isValid(host)) {
            return null;
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (!name.isUnderRegistrySuffix()) {
            return null;
        }
        List<String> suffix = name.registrySuffix().parts();
        return suffix.get(suffix.size() - 1);
    }

    /** True for a free mail provider's domain, or a host under one ({@code mail.gmail.com}). */
    public static boolean isFreeMail(String domain) {
        if (domain == null) {
            return false;
        }
        String lowerCase = domain.toLowerCase(Locale.ROOT);
        String registrable = registrable(lowerCase);
        return FREE_MAIL.contains(lowerCase) || registrable != null && FREE_MAIL.contains(registrable);
    }

    private static String company(String domain) {
        return domain == null || isFreeMail(domain) ? null : domain;
    }

    /** The host of a URL or host name, lower case, without scheme, port, path, query or fragment. */
    private static String hostOf(String website) {
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
        return host.isEmpty() ? null : host;
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
