package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {

    @Test
    void trimsAndCollapsesInnerWhitespace() {
        assertThat(Placeholders.clean("  Olark \t  Chat \n")).isEqualTo("Olark Chat");
        assertThat(Placeholders.clean("\u00a0India\u00a0")).isEqualTo("India");
        assertThat(Placeholders.clean("Google")).isEqualTo("Google");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "Select", "SELECT", "select", "N/A", "n/a", "NA", "na", "n.a.", "N.A.",
            "none", "None", "null", "NULL", "-", "--", "unknown", "Unknown", "not provided", "Not  Provided",
            "?", "  select  "})
    void returnsNullForBlanksAndPlaceholders(String raw) {
        assertThat(Placeholders.clean(raw)).isNull();
        assertThat(Placeholders.isMissing(raw)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"Selected", "Nan", "N/A Corp", "---x", "0", "Unknown Soldier", "??!"})
    void keepsValuesThatOnlyLookLikePlaceholders(String raw) {
        assertThat(Placeholders.clean(raw)).isEqualTo(raw);
        assertThat(Placeholders.isMissing(raw)).isFalse();
    }
}
