package io.leadrouter.normalise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The country a city's name tells, from the world cities of 15,000 people or more
 * ({@code reference/world-cities.csv}, GeoNames data, CC BY 4.0; {@code tools/reference/cities.sh}
 * makes it). A name matches a city's name or ASCII name ignoring case, accents, punctuation and
 * spacing, a leading "The" and "St." for "Saint", as country names do ({@link Keys#placeName}).
 * A lead's city followed by a qualifier ({@code "Thane & Outskirts"}, {@code "Pune (MH)"},
 * {@code "Berlin, Germany"}) is read by the part before it when the whole matches nothing.
 *
 * <p><b>A name several countries share</b> tells the country of its most populous city only when
 * that city has at least {@value #CLEAR_LEAD} times the people of the largest city of that name in
 * any other country: whoever writes "London" (7.6 million) means England, not Ontario (350,000),
 * and "Paris" France; but "Hyderabad" (India 3.6 million, Pakistan 1.4 million), "Cambridge" or
 * "Valencia" tell nothing, since a wrong country routes a lead to the wrong team while no country
 * only sends it to the catch-all. Cities of one name in one country never compete.
 *
 * <p>Only GeoNames' main and ASCII names are matched, not its alternate names (which would make
 * the table five times larger and full of short, ambiguous spellings): an English exonym that is
 * not the main name ("Geneva" for Genève, "Cologne" for Köln) finds only the cities that do bear
 * it, or nothing.
 *
 * <p>The table is built on first use, once per JVM (a quarter to half a second), and holds only the
 * names that tell a country, sorted in one string with their offsets: about 0.6 MB of heap for
 * some 23,000 names, where a hash map of strings would take three to four times that. A lookup
 * is a binary search (well under a microsecond). Immutable and thread-safe.
 */
final class WorldCities {

    static final String RESOURCE = "/reference/world-cities.csv";

    /** How many times the people of the next city of the name in another country a city needs. */
    static final int CLEAR_LEAD = 5;

    /** Where a qualifier after a city's name starts: {@code "Thane & Outskirts"}, {@code "Pune (MH)"}. */
    private static final String QUALIFIER_STARTS = ",&(/;";

    private WorldCities() {
    }

    /** The ISO 3166-1 alpha-2 code of the country the city names, or empty when it names none clearly. */
    static Optional<String> countryOf(String city) {
        String cleaned = Placeholders.clean(city);
        if (cleaned == null) {
            return Optional.empty();
        }
        Optional<String> whole = Table.INDEX.countryOf(Keys.placeName(cleaned));
        if (whole.isPresent()) {
            return whole;
        }
        int qualifier = qualifierStart(cleaned);
        return qualifier > 0 ? Table.INDEX.countryOf(Keys.placeName(cleaned.substring(0, qualifier))) : Optional.empty();
    }

    /** How many names tell a country (for tests and the footprint measure). */
    static int size() {
        return Table.INDEX.size();
    }

    /** Where a qualifier after the city's name starts ({@code ,&(/;} or {@code " - "}), or -1. */
    private static int qualifierStart(String city) {
        int start = city.indexOf(" - ");
        for (int i = 0; i < QUALIFIER_STARTS.length(); i++) {
            int at = city.indexOf(QUALIFIER_STARTS.charAt(i));
            if (at >= 0 && (start < 0 || at < start)) {
                start = at;
            }
        }
        return start;
    }

    /** One city's name as a key, its country and its people, while the table is built. */
    private record Named(String key, String country, int population) {
    }

    /** Lazily initialised holder: built on first use, once, by the class loader (thread-safe). */
    private static final class Table {

        static final Index INDEX = build();

        private static Index build() {
            List<Named> names = new ArrayList<>(50_000);
            ReferenceCsv.forEachRow(RESOURCE, row -> {
                String country = Keys.upper(ReferenceCsv.column(row, "country"));
                int population = Integer.parseInt(ReferenceCsv.column(row, "population"));
                String name = Keys.placeName(ReferenceCsv.column(row, "name"));
                String ascii = Keys.placeName(ReferenceCsv.column(row, "ascii_name"));
                if (country.length() != 2 || name.isEmpty() && ascii.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": bad row " + row);
                }
                if (!name.isEmpty()) {
                    names.add(new Named(name, country, population));
                }
                if (!ascii.isEmpty() && !ascii.equals(name)) {
                    names.add(new Named(ascii, country, population));
                }
            });
            // by key, and within a key the most populous first: a key's first city is its largest
            names.sort(Comparator.comparing(Named::key).thenComparing(Named::population, Comparator.reverseOrder()));
            // one string per country code, shared by all its names
            Map<String, String> codes = names.stream().map(Named::country).distinct()
                    .collect(Collectors.toMap(Function.identity(), Function.identity()));
            StringBuilder keys = new StringBuilder(names.size() * 10);
            List<Integer> offsets = new ArrayList<>();
            List<String> countries = new ArrayList<>();
            for (int first = 0; first < names.size(); ) {
                Named largest = names.get(first);
                int next = first + 1;
                int largestElsewhere = 0;
                for (; next < names.size() && names.get(next).key().equals(largest.key()); next++) {
                    Named other = names.get(next);
                    if (largestElsewhere == 0 && !other.country().equals(largest.country())) {
                        largestElsewhere = other.population();
                    }
                }
                if (largestElsewhere == 0 || largest.population() >= (long) CLEAR_LEAD * largestElsewhere) {
                    offsets.add(keys.length());
                    keys.append(largest.key());
                    countries.add(codes.get(largest.country()));
                }
                first = next;
            }
            offsets.add(keys.length());
            return new Index(keys.toString(), offsets.stream().mapToInt(Integer::intValue).toArray(),
                    countries.toArray(String[]::new));
        }

        private Table() {
        }
    }

    /**
     * Sorted keys run together in one string, key {@code i} from {@code offsets[i]} to
     * {@code offsets[i + 1]}, and its country; found by binary search.
     */
    private static final class Index {

        private final String keys;
        private final int[] offsets;
        private final String[] countries;

        Index(String keys, int[] offsets, String[] countries) {
            this.keys = keys;
            this.offsets = offsets;
            this.countries = countries;
        }

        int size() {
            return countries.length;
        }

        Optional<String> countryOf(String key) {
            int low = 0;
            int high = countries.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compareKeyAt(middle, key);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return Optional.of(countries[middle]);
                }
            }
            return Optional.empty();
        }

        /** As {@link String#compareTo}: key {@code i} against {@code key}. */
        private int compareKeyAt(int i, String key) {
            int start = offsets[i];
            int length = offsets[i + 1] - start;
            int common = Math.min(length, key.length());
            for (int k = 0; k < common; k++) {
                char mine = keys.charAt(start + k);
                char theirs = key.charAt(k);
                if (mine != theirs) {
                    return mine - theirs;
                }
            }
            return length - key.length();
        }
    }
}
