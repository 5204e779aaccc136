package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+1 (555) 123-4567| +15551234567",
            "555.123.4567| 5551234567",
            "  +91 98765 43210 | +919876543210",
            "(030) 123 45 67| 0301234567",
            "0171/1234567| 01711234567",
            "+49-30-1234567| +49301234567",
            "[02] 9876 5432| 0298765432",
    })
    void keepsTheLeadingPlusAndDigitsOnly(String raw, String normalised) {
        assertThat(Phones.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Tel: +44 20 7946 0958| +442079460958",
            "+44 (0)20 7946 0958| +442079460958",
            "555-123-4567 ext. 89| 5551234567",
            "555-123-4567 x89| 5551234567",
            "555-123-4567 #89| 5551234567",
            "555-123-4567, 555-765-4321| 5551234567",
            "1-800-555-0199 +| 18005550199",
    })
    void dropsPrefixesExtensionsAndTheTrunkZero(String raw, String normalised) {
        assertThat(Phones.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "N/A", "none", "-", "12345", "+1 234", "(12) 3-4", "call me", "tel. 12 34"})
    void returnsNullWhenFewerThanSixDigitsRemain(String raw) {
        assertThat(Phones.normalise(raw)).isNull();
    }

    @Test
    void acceptsExactlySixDigits() {
        assertThat(Phones.normalise("12-34-56")).isEqualTo("123456");
    }
}
