package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IndustriesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "technolgy, technology", "Technolgy, technology", "tech, technology", "IT, technology",
            "I.T., technology", "it, technology", "Information Technology, technology", "technology, technology",
            "telecom, telecommunications", "Telecom, telecommunications", "telecommunications, telecommunications",
            "healthcare, medical", "Health Care, medical", "medical, medical",
            "financial services, finance", "Financial_Services, finance", "Banking, finance", "finance, finance",
    })
    void fixesKnownTyposAndAliases(String raw, String canonical) {
        assertThat(Industries.canonical(raw)).isEqualTo(canonical);
    }

    @Test
    void lowerCasesAndCleansUnknownIndustries() {
        assertThat(Industries.canonical("  Retail ")).isEqualTo("retail");
        assertThat(Industries.canonical("Real   Estate")).isEqualTo("real estate");
        assertThat(Industries.canonical("E-Commerce")).isEqualTo("e-commerce");
    }

    @Test
    void returnsNullForBlanksAndPlaceholders() {
        assertThat(Industries.canonical(null)).isNull();
        assertThat(Industries.canonical("")).isNull();
        assertThat(Industries.canonical("N/A")).isNull();
    }
}
