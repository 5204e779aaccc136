package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "(030) 123 45 67| DE| +49301234567",
            "0171/1234567| DE| +491711234567",
            "030 / 123 45 67| DE| +49301234567",
            "(617) 555-0199| US| +16175550199",
            "1-800-555-0199| US| +18005550199",
            "020 7946 0958| GB| +442079460958",
            "[02] 9876 5432| AU| +61298765432",
            "0044 20 7946 0958| DE| +442079460958",
    })
    void aNationalNumberIsReadByTheLeadsCountry(String raw, String country, String e164) {
        assertThat(Phones.normalise(raw, country)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "+1 (555) 123-4567| US| +15551234567",
            "+1 (555) 123-4567| DE| +15551234567",
            "+1 (555) 123-4567| | +15551234567",
            "+44 (0)20 7946 0958| | +442079460958",
            "+49 (0)30 1234567| US| +49301234567",
            "  +91 98765 43210 | | +919876543210",
            "+49-30-1234567| | +49301234567",
    })
    void aNumberWithItsCountryCodeIsReadAsWritten(String raw, String country, String e164) {
        assertThat(Phones.normalise(raw, country)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "555.123.4567| 5551234567",
            "(030) 123 45 67| 0301234567",
            "0171/1234567| 01711234567",
            "[02] 9876 5432| 0298765432",
            "1-800-555-0199 +| 18005550199",
            "555-123-4567 ext. 89| 5551234567",
            "555-123-4567 x89| 5551234567",
            "555-123-4567 #89| 5551234567",
            "555-123-4567, 555-765-4321| 5551234567",
    })
    void aNationalNumberOfAnUnknownCountryKeepsItsDigits(String raw, String digits) {
        assertThat(Phones.normalise(raw, null)).isEqualTo(digits);
        assertThat(Phones.normalise(raw, "Atlantis")).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Tel: +44 20 7946 0958| | +442079460958",
            "Tel.: 020 7946 0958| GB| +442079460958",
            "555-123-4567 ext. 89| US| +15551234567",
            "555-123-4567 x89| US| +15551234567",
            "555-123-4567 #89| US| +15551234567",
            "+1 555-123-4567 extension 89| | +15551234567",
            "555-123-4567, 555-765-4321| US| +15551234567",
            "555-123-4567; 555-765-4321| US| +15551234567",
    })
    void dropsPrefixesExtensionsAndSecondNumbers(String raw, String country, String e164) {
        assertThat(Phones.normalise(raw, country)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "N/A", "none", "-", "12345", "+1 234", "(12) 3-4", "call me", "tel. 12 34"})
    void returnsNullWhenFewerThanSixDigitsRemain(String raw) {
        assertThat(Phones.normalise(raw, null)).isNull();
        assertThat(Phones.normalise(raw, "US")).isNull();
    }

    @Test
    void acceptsExactlySixDigitsWhenTheCountryIsUnknown() {
        assertThat(Phones.normalise("12-34-56", null)).isEqualTo("123456");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "555-1234| US",
            "555-12| US",
            "030 1234 5678 9012 3456| DE",
            "+1 555 123 4567 8901 2345| US",
            "+999 123 4567| US",
            "+999 123 4567| ",
            "555 123 4567 890 123 456| GB",
    })
    void returnsNullForWhatCannotBeAPhoneNumberInItsCountry(String raw, String country) {
        assertThat(Phones.normalise(raw, country)).isNull();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "(030) 123 45 67| DE",
            "+1 (555) 123-4567| US",
            "555.123.4567| ",
            "020 7946 0958 ext. 12| GB",
    })
    void normalisingAgainChangesNothing(String raw, String country) {
        String once = Phones.normalise(raw, country);

        assertThat(Phones.normalise(once, country)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0049 30 1234567| US| +49301234567",
            "0049 30 1234567| | +49301234567",
            "00 44 20 7946 0958| | +442079460958",
    })
    void aNumberWrittenWith00IsReadAsInternationalWhereItIsNoNationalNumber(String raw, String country, String e164) {
        assertThat(Phones.normalise(raw, country)).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+49 30 1234567| DE",
            "0049 (0)30 1234567| DE",
            "Tel: +44 20 7946 0958| GB",
            "+33 1 23 45 67 89 ext. 12| FR",
            "+91 98765 43210, +91 98765 43211| IN",
            "+1 212 736 5000| US",
            "+1 416 979 1234| CA",
    })
    void aNumberInInternationalFormTellsItsCountry(String raw, String country) {
        assertThat(Phones.countryOf(raw)).isEqualTo(country);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"Select", "(030) 123 45 67", "030 1234567", "555.123.4567", "+1 555 123 4567",
            "+800 1234 5678", "+999 123 4567", "+49 12", "000 49 30 1234567", "call me"})
    void aNationalNumberOrACodeNoSingleCountryOwnsTellsNoCountry(String raw) {
        assertThat(Phones.countryOf(raw)).isNull();
    }
}
