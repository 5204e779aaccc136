package io.leadrouter.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The country of a lead that names none, read from its other fields. The first of these that
 * answers decides, most trusted first:
 * <ol>
 *   <li>{@link CountrySource#PHONE}: the country calling code of a phone number in international
 *       form ({@code +49 …}, {@code 0049 …}; see {@link Phones#countryOf}). A national number
 *       says nothing.</li>
 *   <li>{@link CountrySource#US_STATE}: a known US state means the United States ({@link UsStates}).</li>
 *   <li>{@link CountrySource#CITY}: the country of the city ({@link WorldCities}: cities of 15,000
 *       people or more; a name several countries share answers only when one city clearly
 *       dominates).</li>
 *   <li>{@link CountrySource#EMAIL_DOMAIN}, then {@link CountrySource#WEBSITE_DOMAIN}: the
 *       country-code top-level domain ({@code .de} → DE, {@code .co.uk} and {@code .uk} → GB),
 *       unless it is one that is used worldwide for its letters ({@code .io}, {@code .co},
 *       {@code .ai}, …: {@code reference/generic-cctlds.txt}). A country's own mail provider
 *       ({@code web.de}, {@code yahoo.co.in}) tells the country as well as a company's domain.</li>
 * </ol>
 * A country the lead gave is never overridden: that is the caller's rule, which calls this only
 * without one ({@link CountrySource#GIVEN}). Stateless; the reference tables load once per JVM, on
 * first use; thread-safe.
 */
public final class CountryInference {

    /** What a lead without a country offers to tell it, each as sent (placeholders are fine). */
    public record Clues(String phone, String state, String city, String email, String website) {
    }

    /** A country read from a lead's other fields: its ISO 3166-1 alpha-2 code and where it came from. */
    public record Inferred(String country, CountrySource source) {

        public Inferred {
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(source, "source");
        }
    }

    static final String GENERIC_CCTLDS_RESOURCE = "/reference/generic-cctlds.txt";

    private CountryInference() {
    }

    /** The country the clues tell, from the first in the order above that answers; empty when none does. */
    public static Optional<Inferred> infer(Clues clues) {
        return country(isoCode(Phones.countryOf(clues.phone())), CountrySource.PHONE)
                .or(() -> country(UsStates.resolve(clues.state()).map(state -> "US"), CountrySource.US_STATE))
                .or(() -> country(WorldCities.countryOf(clues.city()), CountrySource.CITY))
                .or(() -> country(ofDomain(Emails.domain(clues.email())), CountrySource.EMAIL_DOMAIN))
                .or(() -> country(ofDomain(clues.website()), CountrySource.WEBSITE_DOMAIN));
    }

    /**
     * The country a country-code top-level domain tells of a host, website or e-mail domain;
     * empty for generic domains ({@code .com}), generic-use ccTLDs ({@code .io}) and what is no
     * domain.
     */
    static Optional<String> ofDomain(String host) {
        String tld = Domains.topLevelDomain(host);
        if (tld == null || tld.length() != 2 || Tables.GENERIC_CCTLDS.contains(tld)) {
            return Optional.empty();
        }
        // the one ccTLD in use that is not its country's ISO code: the United Kingdom is GB
        return isoCode(tld.equals("uk") ? "GB" : Keys.upper(tld));
    }

    private static Optional<Inferred> country(Optional<String> code, CountrySource source) {
        return code.map(country -> new Inferred(country, source));
    }

    /** The code when it is an ISO 3166-1 country (libphonenumber's {@code XK} and TLDs such as {@code .eu} are not). */
    private static Optional<String> isoCode(String code) {
        return code != null && Tables.ISO_COUNTRIES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    /** Lazily initialised holder: loaded on first use, once, by the class loader (thread-safe). */
    private static final class Tables {

        static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
        static final Set<String> GENERIC_CCTLDS = loadGenericCctlds();

        private static Set<String> loadGenericCctlds() {
            try (InputStream in = CountryInference.class.getResourceAsStream(GENERIC_CCTLDS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Reference data not on the classpath: " + GENERIC_CCTLDS_RESOURCE);
                }
                Set<String> codes = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(line -> line.replaceFirst("#.*", "").trim().toLowerCase(Locale.ROOT))
                        .filter(code -> !code.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
                for (String code : codes) {
                    if (!ISO_COUNTRIES.contains(Keys.upper(code))) {
                        throw new IllegalStateException(GENERIC_CCTLDS_RESOURCE + ": not a country code: " + code);
                    }
                }
                return codes;
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }

        private Tables() {
        }
    }
}
