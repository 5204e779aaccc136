package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadProblem;
import io.leadrouter.normalise.CountrySource;

/** A lead's country as the normaliser settles it: given and never overridden, else inferred with its source. */
class LeadNormaliserCountryTest {

    private static LeadData lead(String country, String phone, String city, String email) {
        return new LeadData(null, "Ada", "Lovelace", email, phone, "Analytical Engines", null, country, null, city,
                null, null, null, null, null, null, null);
    }

    @Test
    void aGivenCountryIsNeverOverridden() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(
                lead("France", "+49 30 1234567", "Mumbai", "ada@acme.de"));

        assertThat(result.data().country()).isEqualTo("FR");
        assertThat(result.countrySource()).isEqualTo(CountrySource.GIVEN);
        assertThat(result.data().phone()).isEqualTo("+49301234567");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anUnknownGivenCountryStaysAsGivenAndIsNotReplacedByAnInferredOne() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead("Atlantis", "+49 30 1234567", null, null));

        assertThat(result.data().country()).isEqualTo("Atlantis");
        assertThat(result.countrySource()).isEqualTo(CountrySource.GIVEN);
        assertThat(result.problems()).containsExactly(LeadProblem.UNKNOWN_COUNTRY.found("Unknown country 'Atlantis'"));
    }

    @Test
    void aLeadWithoutCountryGetsOneFromItsPhoneAndHasNoCountryProblem() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead(null, "+49 30 1234567", null, null));

        assertThat(result.data().country()).isEqualTo("DE");
        assertThat(result.countrySource()).isEqualTo(CountrySource.PHONE);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aPlaceholderCountryIsNoCountryAndTheCityTellsIt() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead("Select", null, "Mumbai", "raj@gmail.com"));

        assertThat(result.data().country()).isEqualTo("IN");
        assertThat(result.countrySource()).isEqualTo(CountrySource.CITY);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aNationalPhoneNumberIsReadByTheInferredCountry() {
        assertThat(LeadNormaliser.normalise(lead(null, "98765 43210", "Thane & Outskirts", null)).data().phone())
                .isEqualTo("+919876543210");
        assertThat(LeadNormaliser.normalise(lead(null, "(030) 123 45 67", null, "jana@acme.de")).data().phone())
                .isEqualTo("+49301234567");
        assertThat(LeadNormaliser.normalise(lead(null, "0049 30 1234567", null, null)).data().phone())
                .isEqualTo("+49301234567");
    }

    @Test
    void whenNothingTellsTheCountryItIsAProblemWithoutSource() {
        LeadNormaliser.Result result = LeadNormaliser.normalise(lead(null, "98765 43210", "Other Cities", "raj@gmail.com"));

        assertThat(result.data().country()).isNull();
        assertThat(result.countrySource()).isNull();
        assertThat(result.problems()).containsExactly(LeadProblem.NO_COUNTRY.found("No country"));
    }

    @Test
    void anInferredCountryNormalisedAgainAsItWasKeepsItsSourceAndAChangedOneIsGiven() {
        Lead lead = Lead.receive(lead(null, null, "Mumbai", "raj@gmail.com"), Instant.now(), null);
        normalise(lead);
        assertThat(lead.getCountry()).isEqualTo("IN");
        assertThat(lead.getCountrySource()).isEqualTo(CountrySource.CITY);

        normalise(lead); // a retried validation, or a review that left the country as it stood
        assertThat(lead.getCountrySource()).isEqualTo(CountrySource.CITY);

        normalise(lead, lead.data().with(Map.of(LeadField.COUNTRY, "Sri Lanka"))); // a reviewer changed it
        assertThat(lead.getCountry()).isEqualTo("LK");
        assertThat(lead.getCountrySource()).isEqualTo(CountrySource.GIVEN);

        normalise(lead, lead.data().with(Collections.singletonMap(LeadField.COUNTRY, null))); // and cleared it
        assertThat(lead.getCountry()).isEqualTo("IN");
        assertThat(lead.getCountrySource()).isEqualTo(CountrySource.CITY);
    }

    @Test
    void theDecisionsCanReadWhereTheCountryCameFrom() {
        Lead lead = Lead.receive(lead(null, "+49 30 1234567", null, null), Instant.now(), null);
        normalise(lead);

        assertThat(LeadDecisionInputs.of(lead)).containsEntry("country", "DE").containsEntry("countrySource", "PHONE");
    }

    private static void normalise(Lead lead) {
        normalise(lead, lead.data());
    }

    private static void normalise(Lead lead, LeadData data) {
        LeadNormaliser.Result result = LeadNormaliser.normalise(data);
        lead.applyNormalised(result.data(), result.countrySource());
    }
}
