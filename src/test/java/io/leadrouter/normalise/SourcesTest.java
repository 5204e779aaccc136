package io.leadrouter.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "google, Google", "GOOGLE, Google", "bing, Bing", "Press_Release, Press Release",
            "press-release, Press Release", "  direct   traffic , Direct Traffic", "olark_chat, Olark Chat",
            "pay per click ads, Pay per Click Ads", "Pay-Per-Click_Ads, Pay per Click Ads", "click2call, Click2call",
            "Linked In, LinkedIn", "linkedin, LinkedIn", "WEB FORM, Web Form", "email_campaign, Email Campaign",
            "trade-show, Trade Show", "welingak website, Welingak Website", "referral sites, Referral Sites",
    })
    void mapsKnownSourcesToTheirCanonicalSpellingIgnoringCaseUnderscoresDashesAndSpaces(String raw, String canonical) {
        assertThat(Sources.canonical(raw)).isEqualTo(canonical);
    }

    @Test
    void keepsEveryCanonicalSpellingAsIs() {
        assertThat(Sources.KNOWN).hasSize(20).allSatisfy(source -> assertThat(Sources.canonical(source)).isEqualTo(source));
    }

    @Test
    void keepsUnknownSourcesAsCleanedText() {
        assertThat(Sources.canonical("  welearnblog_Home ")).isEqualTo("welearnblog_Home");
        assertThat(Sources.canonical("NC_EDM")).isEqualTo("NC_EDM");
        assertThat(Sources.canonical("youtube   channel")).isEqualTo("youtube channel");
    }

    @Test
    void returnsNullForBlanksAndPlaceholders() {
        assertThat(Sources.canonical(null)).isNull();
        assertThat(Sources.canonical(" ")).isNull();
        assertThat(Sources.canonical("Select")).isNull();
    }
}
