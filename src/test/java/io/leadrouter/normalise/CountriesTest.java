package io.leadrouter.normalise;

import io.leadrouter.normalise.Countries.Country;
import io.leadrouter.normalise.Countries.Region;
import io.leadrouter.SharedData;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTest {

    /** Deliberately without a region: uninhabited Antarctic and sub-Antarctic territories. */
    private static final Set<String> WITHOUT_REGION = Set.of("AQ", "BV", "GS", "HM", "TF");

    /** Values in the sample data that are not countries. */
    private static final Set<String> NOT_COUNTRIES = Set.of("unknown", "Asia/Pacific Region");

    private static final String LEADS = "x-education-leads/leads.csv";
    private static final String ACCOUNTS = "crm-sales-opportunities/accounts.csv";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "United States, US",
            "USA, US",
            "us, US",
            "US, US",
            "India, IN",
            "U.S.A., US",
            "United Kingdom, GB",
            "UK, GB",
            "Philipines, PH",
            "Germany, DE",
            "deu, DE",
            "Korea, KR",
            "UAE, AE",
            "IND, IN",
            "GBR, GB",
            "india, IN",
    })
    void acceptsCountryNamesCodesAndAliases(String text, String code) {
        assertThat(Countries.resolve(text)).get().extracting(Country::code).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "United States of America, US",
            "America, US",
            "UK, GB",
            "Great Britain, GB",
            "England, GB",
            "Scotland, GB",
            "Wales, GB",
            "Britain, GB",
            "Holland, NL",
            "Russia, RU",
            "South Korea, KR",
            "Korea, KR",
            "North Korea, KP",
            "Vietnam, VN",
            "Czech Republic, CZ",
            "Czechia, CZ",
            "Ivory Coast, CI",
            "UAE, AE",
            "Emirates, AE",
            "Burma, MM",
            "Macau, MO",
            "Taiwan, TW",
            "Iran, IR",
            "Syria, SY",
            "Laos, LA",
            "Bolivia, BO",
            "Venezuela, VE",
            "Tanzania, TZ",
            "Moldova, MD",
            "Turkey, TR",
            "Türkiye, TR",
            "Philipines, PH",
            "Hong Kong, HK",
            "'Korea, Republic of', KR",
    })
    void acceptsTheCommonAliases(String text, String code) {
        assertThat(Countries.resolve(text)).get().extracting(Country::code).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "  united    STATES  | US",
            "U. S. A.| US",
            "u.k.| GB",
            "united-kingdom| GB",
            "côte d’ivoire| CI",
            "Cote d'Ivoire| CI",
            "TURKIYE| TR",
            "St Lucia| LC",
            "Saint Lucia| LC",
            "St. Kitts & Nevis| KN",
            "Saint Kitts and Nevis| KN",
            "Trinidad and Tobago| TT",
            "Bosnia and Herzegovina| BA",
            "the Netherlands| NL",
            "The Gambia| GM",
            "Myanmar| MM",
            "Myanmar (Burma)| MM",
            "Åland Islands| AX",
            "Aland Islands| AX",
            "Réunion| RE",
    })
    void ignoresCaseAccentsDotsAmpersandsAndExtraSpaces(String text, String code) {
        assertThat(Countries.resolve(text)).get().extracting(Country::code).isEqualTo(code);
    }

    @Test
    void returnsTheCodeEnglishNameAndRegion() {
        assertThat(Countries.resolve("u.s.a."))
                .contains(new Country("US", "United States", Region.NORTH_AMERICA));
        assertThat(Countries.resolve("ind"))
                .contains(new Country("IN", "India", Region.ASIA_PACIFIC));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "US, NORTH_AMERICA", "Canada, NORTH_AMERICA", "Mexico, NORTH_AMERICA", "Greenland, NORTH_AMERICA",
            "Bermuda, NORTH_AMERICA", "PM, NORTH_AMERICA",
            "Brazil, LATIN_AMERICA", "Panama, LATIN_AMERICA", "Jamaica, LATIN_AMERICA", "Puerto Rico, LATIN_AMERICA",
            "UAE, MIDDLE_EAST", "Saudi Arabia, MIDDLE_EAST", "Israel, MIDDLE_EAST", "Jordan, MIDDLE_EAST",
            "Iran, MIDDLE_EAST", "Iraq, MIDDLE_EAST", "Turkey, MIDDLE_EAST", "Yemen, MIDDLE_EAST", "Lebanon, MIDDLE_EAST",
            "India, ASIA_PACIFIC", "China, ASIA_PACIFIC", "Japan, ASIA_PACIFIC", "Australia, ASIA_PACIFIC",
            "New Zealand, ASIA_PACIFIC", "Fiji, ASIA_PACIFIC", "Kazakhstan, ASIA_PACIFIC",
            "Germany, EUROPE", "UK, EUROPE", "Russia, EUROPE", "Cyprus, EUROPE", "Norway, EUROPE",
            "Kenya, AFRICA", "Nigeria, AFRICA", "Egypt, AFRICA", "South Africa, AFRICA",
    })
    void assignsEachCountryToItsSalesRegion(String text, Region region) {
        assertThat(Countries.resolve(text)).get().extracting(Country::region).isEqualTo(region);
    }

    @Test
    void leavesAntarcticaWithoutARegion() {
        assertThat(Countries.resolve("Antarctica")).get()
                .satisfies(c -> assertThat(c.code()).isEqualTo("AQ"))
                .satisfies(c -> assertThat(c.region()).isNull());
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "unknown", "Unknown", "Asia/Pacific Region", "Narnia", "Select", "N/A", "na", "n.a.",
            "-", "?", "Europe", "U", "United"})
    void returnsEmptyForBlanksPlaceholdersAndUnknownText(String text) {
        assertThat(Countries.resolve(text)).isEmpty();
    }

    @Test
    void givesEveryIsoCodeARegionExceptTheAntarcticTerritories() {
        Set<String> withoutRegion = Arrays.stream(Locale.getISOCountries())
                .filter(code -> Countries.resolve(code).orElseThrow().region() == null)
                .collect(Collectors.toSet());

        assertThat(withoutRegion).isEqualTo(WITHOUT_REGION);
        assertThat(Countries.codesWithoutRegion()).isEqualTo(WITHOUT_REGION);
    }

    @Test
    void resolvesEveryIsoCountryByAlpha2Alpha3AndEnglishName() {
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            assertThat(Countries.resolve(code)).as(code).get().extracting(Country::code).isEqualTo(code);
            if (!code.equals("NA")) { // lower-case "na" is a placeholder ("not available")
                assertThat(Countries.resolve(code.toLowerCase(Locale.ROOT))).as(code).get()
                        .extracting(Country::code).isEqualTo(code);
            }
            assertThat(Countries.resolve(locale.getISO3Country())).as(locale.getISO3Country()).get()
                    .extracting(Country::code).isEqualTo(code);
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            assertThat(Countries.resolve(name)).as(name).get().extracting(Country::code).isEqualTo(code);
            assertThat(Countries.resolve(name.toUpperCase(Locale.ROOT))).as(name).get()
                    .extracting(Country::code).isEqualTo(code);
        }
    }

    @Test
    void resolvesUpperCaseNaAsNamibiaSoStoredCodesRoundTripButKeepsOtherSpellingsAsPlaceholders() {
        assertThat(Countries.resolve("NA")).get().extracting(Country::code).isEqualTo("NA");
        assertThat(Countries.resolve(" NA ")).get().extracting(Country::region).isEqualTo(Region.AFRICA);
        assertThat(Countries.resolve("NAM")).get().extracting(Country::code).isEqualTo("NA");
        assertThat(Countries.resolve("Namibia")).get().extracting(Country::code).isEqualTo("NA");
        assertThat(Countries.resolve("na")).isEmpty();
        assertThat(Countries.resolve("N/A")).isEmpty();
        assertThat(Countries.resolve(Placeholders.clean("NA"))).isEmpty();
    }

    @Test
    void resolvesEveryStoredCodeBackToTheSameCountry() {
        for (String code : Locale.getISOCountries()) {
            Country country = Countries.resolve(code).orElseThrow();
            assertThat(Countries.resolve(country.code())).as(code).contains(country);
            assertThat(Countries.resolve(country.name())).as(code).contains(country);
        }
    }

    @Test
    void resolvesEveryCountryInTheLeadsSampleData() throws IOException {
        assertResolvesAll(LEADS, "Country");
    }

    @Test
    void resolvesEveryOfficeLocationInTheAccountsSampleData() throws IOException {
        assertResolvesAll(ACCOUNTS, "office_location");
    }

    private void assertResolvesAll(String dataSet, String column) throws IOException {
        Path csv = SharedData.require(dataSet);
        Set<String> values = distinctNonBlank(csv, column);
        assertThat(values).as("distinct %s values in %s", column, csv).isNotEmpty();

        Set<String> unresolved = new TreeSet<>();
        for (String value : values) {
            if (!NOT_COUNTRIES.contains(value) && Countries.resolve(value).isEmpty()) {
                unresolved.add(value);
            }
        }
        assertThat(unresolved).as("unresolved %s values in %s", column, csv).isEmpty();
        for (String notCountry : NOT_COUNTRIES) {
            assertThat(Countries.resolve(notCountry)).as(notCountry).isEmpty();
        }
    }

    private static Set<String> distinctNonBlank(Path csv, String column) throws IOException {
        CsvMapper mapper = new CsvMapper();
        Set<String> values = new TreeSet<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                assertThat(row).as("%s has column %s", csv, column).containsKey(column);
                String value = row.get(column);
                if (value != null && !value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }
}
