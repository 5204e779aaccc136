package io.leadrouter.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadrouter.normalise.CountryInference.Clues;
import io.leadrouter.normalise.CountryInference.Inferred;

class CountryInferenceTest {

    private static final Clues NONE = new Clues(null, null, null, null, null);

    private static Optional<Inferred> infer(String phone, String state, String city, String email, String website) {
        return CountryInference.infer(new Clues(phone, state, city, email, website));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+49 30 1234567| DE",
            "0049 30 1234567| DE",
            "Tel: +44 20 7946 0958| GB",
            "+91 98765 43210| IN",
            "+1 212 736 5000| US",
            "+1 416 979 1234| CA",
    })
    void aPhoneNumberInInternationalFormTellsItsCountry(String phone, String country) {
        assertThat(infer(phone, null, null, null, null)).contains(new Inferred(country, CountrySource.PHONE));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"(030) 123 45 67", "98765 43210", "+1 555 123 4567", "+800 1234 5678", "+49 12", "Select"})
    void aNationalNumberOrOneNoSingleCountryOwnsTellsNothing(String phone) {
        assertThat(infer(phone, null, null, null, null)).isEmpty();
    }

    @Test
    void aUsStateMeansTheUnitedStates() {
        assertThat(infer(null, "Texas", null, null, null)).contains(new Inferred("US", CountrySource.US_STATE));
        assertThat(infer(null, "ma", null, null, null)).contains(new Inferred("US", CountrySource.US_STATE));
        assertThat(infer(null, "Maharashtra", null, null, null)).isEmpty();
    }

    @Test
    void aCityTellsItsCountry() {
        assertThat(infer(null, null, "Mumbai", null, null)).contains(new Inferred("IN", CountrySource.CITY));
        assertThat(infer(null, null, "Zürich", null, null)).contains(new Inferred("CH", CountrySource.CITY));
        assertThat(infer(null, null, "Hyderabad", null, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "jana@acme.de| DE",
            "Jane@Sales.Acme.co.uk| GB",
            "jane@acme.uk| GB",
            "raj@yahoo.co.in| IN",
            "lea@web.de| DE",
            "ana@empresa.com.br| BR",
    })
    void anEmailDomainsCountryCodeTellsItsCountry(String email, String country) {
        assertThat(infer(null, null, null, email, null)).contains(new Inferred(country, CountrySource.EMAIL_DOMAIN));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://www.acme.fr/about| FR",
            "acme.co.jp| JP",
            "WWW.ACME.ES| ES",
    })
    void aWebsitesCountryCodeTellsItsCountry(String website, String country) {
        assertThat(infer(null, null, null, null, website)).contains(new Inferred(country, CountrySource.WEBSITE_DOMAIN));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"startup.io", "acme.co", "model.ai", "about.me", "stream.tv", "radio.fm", "bit.ly",
            "play.gg", "shop.cc", "site.ws", "go.to", "acme.app", "acme.com", "acme.org", "acme.eu", "acme.github.io",
            "acme.example", "localhost", "192.168.1.10"})
    void aGenericDomainOrAGenericUseCountryCodeTellsNothing(String domain) {
        assertThat(infer(null, null, null, "jane@" + domain, domain)).isEmpty();
    }

    @Test
    void everyGenericUseCountryCodeOfTheReferenceListTellsNothing() throws IOException {
        List<String> codes = WorldCitiesTest.referenceLines(CountryInference.GENERIC_CCTLDS_RESOURCE).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(code -> !code.isEmpty())
                .toList();

        assertThat(codes).hasSizeGreaterThan(20).contains("io", "co", "ai", "me", "tv", "fm", "ly", "gg", "cc", "ws", "to");
        for (String code : codes) {
            assertThat(CountryInference.ofDomain("acme." + code)).as(code).isEmpty();
        }
        assertThat(CountryInference.ofDomain("acme.de")).contains("DE");
    }

    @Test
    void theFirstClueThatAnswersDecidesInTheDocumentedOrder() {
        String phone = "+49 30 1234567";
        String state = "Texas";
        String city = "Paris";
        String email = "ada@acme.it";
        String website = "acme.es";

        assertThat(infer(phone, state, city, email, website)).contains(new Inferred("DE", CountrySource.PHONE));
        assertThat(infer(null, state, city, email, website)).contains(new Inferred("US", CountrySource.US_STATE));
        assertThat(infer(null, null, city, email, website)).contains(new Inferred("FR", CountrySource.CITY));
        assertThat(infer(null, null, null, email, website)).contains(new Inferred("IT", CountrySource.EMAIL_DOMAIN));
        assertThat(infer(null, null, null, null, website)).contains(new Inferred("ES", CountrySource.WEBSITE_DOMAIN));
        assertThat(CountryInference.infer(NONE)).isEmpty();
    }

    @Test
    void aClueThatTellsNothingLetsTheNextOneAnswer() {
        assertThat(infer("(030) 123 45 67", "Maharashtra", "Other Cities", "ada@startup.io", "acme.de"))
                .contains(new Inferred("DE", CountrySource.WEBSITE_DOMAIN));
    }
}
