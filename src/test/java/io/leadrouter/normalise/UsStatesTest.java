package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsStatesTest {

    private static final List<String> ALL_CODES = List.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC", "PR", "GU", "VI");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CA, CA", "ca, CA", "California, CA", "CALIFORNIA, CA", "  new   york , NY", "New York State, NY",
            "north carolina, NC", "West Virginia, WV", "Washington, WA", "District of Columbia, DC",
            "Washington D.C., DC", "D.C., DC", "Puerto Rico, PR", "guam, GU", "U.S. Virgin Islands, VI",
            "US Virgin Islands, VI", "N.Y., NY", "in, IN", "Indiana, IN",
    })
    void acceptsTwoLetterCodesAndFullNamesInAnyCase(String text, String code) {
        assertThat(UsStates.resolve(text)).contains(code);
    }

    @Test
    void knowsAllFiftyStatesDcAndTheTerritoriesByCode() {
        assertThat(ALL_CODES).hasSize(54).doesNotHaveDuplicates();
        for (String code : ALL_CODES) {
            assertThat(UsStates.resolve(code)).as(code).contains(code);
            assertThat(UsStates.resolve(code.toLowerCase())).as(code).contains(code);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "Select", "N/A", "unknown", "Ontario", "ON", "XX", "California Republic", "USA"})
    void returnsEmptyForBlanksPlaceholdersAndNonStates(String text) {
        assertThat(UsStates.resolve(text)).isEmpty();
    }
}
