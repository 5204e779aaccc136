package io.leadrouter.normalise;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves free-text country values to ISO 3166-1 alpha-2 codes and sales regions.
 *
 * <p>Accepts alpha-2 and alpha-3 codes, the English names from {@link Locale}, and the aliases in
 * {@code reference/country-aliases.csv}; matching ignores case, accents, dots, apostrophes,
 * punctuation, spacing, a leading "The", {@code &} vs "and" and "St." vs "Saint". Placeholders
 * (see {@link Placeholders}) resolve to empty, with one exception so that stored codes round-trip:
 * exactly {@code "NA"} (upper case) is Namibia, while {@code "na"}, {@code "N/A"} and {@code "n.a."}
 * stay placeholders. Callers that treat a raw {@code "NA"} as "not available" clean it with
 * {@link Placeholders#clean} first.
 *
 * <p>The tables are loaded once per JVM, on first use; everything here is immutable and thread-safe.
 */
public final class Countries {

    /** Sales region a country belongs to; see {@code reference/country-regions.csv}. */
    public enum Region {
        EUROPE,
        AFRICA,
        MIDDLE_EAST,
        ASIA_PACIFIC,
        NORTH_AMERICA,
        LATIN_AMERICA
    }

    /**
     * A resolved country.
     *
     * @param code   ISO 3166-1 alpha-2 code, upper case
     * @param name   English display name from {@link Locale} (e.g. {@code "United States"})
     * @param region sales region; {@code null} only for the uninhabited Antarctic/sub-Antarctic
     *               territories (AQ, BV, GS, HM, TF) that deliberately have no region
     */
    public record Country(String code, String name, Region region) {

        public Country {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    static final String REGIONS_RESOURCE = "/reference/country-regions.csv";
    static final String ALIASES_RESOURCE = "/reference/country-aliases.csv";

    private Countries() {
    }

    /** The country the text names, or empty for blanks, placeholders and unknown text. */
    public static Optional<Country> resolve(String text) {
        String cleaned = Placeholders.clean(text);
        if (cleaned == null) {
            // a stored alpha-2 code must round-trip: upper-case "NA" is Namibia, "na"/"N/A" are placeholders
            return text != null && text.strip().equals("NA")
                    ? Optional.ofNullable(Tables.BY_KEY.get("na"))
                    : Optional.empty();
        }
        return Optional.ofNullable(Tables.BY_KEY.get(key(cleaned)));
    }

    /** ISO codes that deliberately have no region (uninhabited Antarctic/sub-Antarctic territories). */
    public static Set<String> codesWithoutRegion() {
        return Tables.WITHOUT_REGION;
    }

    static String key(String text) {
        return Keys.placeName(text);
    }

    /** Lazily initialised holder: loaded on first use, once, by the class loader (thread-safe). */
    private static final class Tables {

        static final Map<String, Country> BY_KEY;
        static final Set<String> WITHOUT_REGION;

        static {
            Map<String, Region> regions = loadRegions();
            Map<String, Country> byCode = new HashMap<>();
            Map<String, Country> byKey = new HashMap<>();
            for (String code : Locale.getISOCountries()) {
                Locale locale = new Locale("", code);
                String name = locale.getDisplayCountry(Locale.ENGLISH);
                Country country = new Country(code, name, regions.get(code));
                byCode.put(code, country);
                Keys.putUnique(byKey, key(code), country, "alpha-2 code " + code);
                try {
                    String alpha3 = locale.getISO3Country();
                    if (!alpha3.isEmpty()) {
                        Keys.putUnique(byKey, key(alpha3), country, "alpha-3 code " + alpha3);
                    }
                } catch (MissingResourceException e) {
                    // no alpha-3 code known for this region: alpha-2 and name still work
                }
                Keys.putUnique(byKey, key(name), country, "name " + name);
                int bracket = name.indexOf('(');
                if (bracket > 0) { // "Myanmar (Burma)" -> "Myanmar"
                    Keys.putUnique(byKey, key(name.substring(0, bracket)), country, "name " + name);
                }
            }
            for (String code : regions.keySet()) {
                if (!byCode.containsKey(code)) {
                    throw new IllegalStateException(REGIONS_RESOURCE + ": not an ISO 3166-1 code: " + code);
                }
            }
            // aliases last: an alias may repeat a generated key for the same country, never another one
            for (Map<String, String> row : ReferenceCsv.read(ALIASES_RESOURCE)) {
                String alias = ReferenceCsv.column(row, "alias");
                String code = Keys.upper(ReferenceCsv.column(row, "code"));
                Country country = byCode.get(code);
                if (country == null) {
                    throw new IllegalStateException(ALIASES_RESOURCE + ": alias '" + alias
                            + "' points to unknown ISO code '" + code + "'");
                }
                Keys.putUnique(byKey, key(alias), country, ALIASES_RESOURCE + " alias " + alias);
            }
            BY_KEY = Map.copyOf(byKey);
            WITHOUT_REGION = byCode.values().stream()
                    .filter(c -> c.region() == null)
                    .map(Country::code)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        private static Map<String, Region> loadRegions() {
            Map<String, Region> regions = new HashMap<>();
            for (Map<String, String> row : ReferenceCsv.read(REGIONS_RESOURCE)) {
                String code = Keys.upper(ReferenceCsv.column(row, "code"));
                Region region = Region.valueOf(Keys.upper(ReferenceCsv.column(row, "region")));
                if (regions.put(code, region) != null) {
                    throw new IllegalStateException(REGIONS_RESOURCE + ": duplicate code " + code);
                }
            }
            return regions;
        }

        private Tables() {
        }
    }
}
