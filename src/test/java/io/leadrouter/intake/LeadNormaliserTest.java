package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadProblem;
import io.leadrouter.normalise.CountrySource;

class LeadNormaliserTest {

    private static LeadData lead(String email, String phone, String company, String country, String state,
                                 String source) {
        return new LeadData(null, " Ada ", "Select", email, phone, company, "WWW.Example.ORG", country, state,
                " Boston ", "Technolgy", 10, null, "gtxpro", source, "EN", null);
    }

    @Test
    void cleanLeadIsNormalisedAndHasNoProblems() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(
                lead("  Ada.Lovelace@Example.ORG ", "+1 (617) 555-0199", "Analytical Engines", "United States",
                        "massachusetts", "google"));

        assertThat(result.problems()).isEmpty();
        LeadData data = result.data();
        assertThat(data.email()).isEqualTo("ada.lovelace@example.org");
        assertThat(data.phone()).isEqualTo("+16175550199");
        assertThat(data.firstName()).isEqualTo("Ada");
        assertThat(data.lastName()).isNull();
        assertThat(data.country()).isEqualTo("US");
        assertThat(data.state()).isEqualTo("MA");
        assertThat(data.city()).isEqualTo("Boston");
        assertThat(data.source()).isEqualTo("Google");
        assertThat(data.industry()).isEqualTo("technology");
        assertThat(data.product()).isEqualTo("GTX Pro");
        assertThat(data.website()).isEqualTo("www.example.org");
        assertThat(data.language()).isEqualTo("en");
    }

    @Test
    void countryCodesAndNamesBecomeIsoCodes() {
        assertThat(LeadNormaliser.normalise(lead("a@b.com", null, "C", "USA", null, null)).data().country())
                .isEqualTo("US");
        assertThat(LeadNormaliser.normalise(lead("a@b.com", null, "C", "us", null, null)).data().country())
                .isEqualTo("US");
        assertThat(LeadNormaliser.normalise(lead("a@b.com", null, "C", "India", null, null)).data().country())
                .isEqualTo("IN");
    }

    @Test
    void usStateWithoutCountryMeansUnitedStates() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead("a@b.com", null, "C", null, "Texas", null));

        assertThat(result.data().country()).isEqualTo("US");
        assertThat(result.countrySource()).isEqualTo(CountrySource.US_STATE);
        assertThat(result.data().state()).isEqualTo("TX");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void softProblemsAreListedAndTheRawValuesKept() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(
                lead("test@company.com", "12", "N/A", "Atlantis", null, null));

        assertThat(result.problems()).containsExactly(
                LeadProblem.SUSPICIOUS_EMAIL.found("Suspicious e-mail address 'test@company.com'"),
                LeadProblem.INCOMPLETE_PHONE.found("Phone number '12' looks incomplete"),
                LeadProblem.NO_COMPANY.found("No company name"),
                LeadProblem.UNKNOWN_COUNTRY.found("Unknown country 'Atlantis'"));
        assertThat(result.data().country()).isEqualTo("Atlantis");
        assertThat(result.data().phone()).isEqualTo("12");
    }

    @Test
    void aProblemQuotingALineBreakStaysOneLine() {
        assertThat(LeadNormaliser.normalise(lead("a@b.com", null, "C", "Atlan\ntis", null, null)).problems())
                .containsExactly(LeadProblem.UNKNOWN_COUNTRY.found("Unknown country 'Atlan tis'"));
    }

    @Test
    void aNationalPhoneNumberIsReadByTheLeadsCountry() {
        assertThat(LeadNormaliser.normalise(lead("a@b.com", "(030) 123 45 67", "C", "Germany", null, null)).data()
                .phone()).isEqualTo("+49301234567");
        assertThat(LeadNormaliser.normalise(lead("a@b.com", "(617) 555-0199", "C", null, "Massachusetts", null))
                .data().phone()).isEqualTo("+16175550199");
    }

    @Test
    void missingCountryAndUnknownUsStateAreProblems() {
        LeadData nothingTellsTheCountry = lead("a@b.com", null, "C", "Select", null, null)
                .with(Collections.singletonMap(LeadField.CITY, null));
        assertThat(LeadNormaliser.normalise(nothingTellsTheCountry).problems())
                .containsExactly(LeadProblem.NO_COUNTRY.found("No country"));
        assertThat(LeadNormaliser.normalise(lead("a@b.com", null, "C", "US", "Springfield", null)).problems())
                .containsExactly(LeadProblem.UNKNOWN_US_STATE.found("Unknown US state 'Springfield'"));
    }
}
