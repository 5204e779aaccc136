package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/** The API shows a lead's country with where it came from, once validation has settled it. */
@IntegrationTest
class InferredCountryApiTest {

    @Autowired
    LeadRouterDriver driver;

    @Test
    void aLeadWithOnlyAGermanPhoneGetsGermanyFromItsPhone() {
        String id = driver.submitLead("""
                {"externalId": "%s", "phone": "+49 30 %07d"}""".formatted(UUID.randomUUID(), uniqueNumber()));

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("country").asText()).isEqualTo("DE");
        assertThat(lead.get("countrySource").asText()).isEqualTo("PHONE");
        assertThat(lead.get("phone").asText()).startsWith("+4930");
        assertThat(lead.path("problems").toString()).doesNotContain("No country");
    }

    @Test
    void aGivenCountryIsShownAsGivenEvenWhenThePhoneSaysOtherwise() {
        String id = driver.submitLead("""
                {"externalId": "%s", "phone": "+49 30 %07d", "country": "Austria"}"""
                .formatted(UUID.randomUUID(), uniqueNumber()));

        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("country").asText()).isEqualTo("AT");
        assertThat(lead.get("countrySource").asText()).isEqualTo("GIVEN");
    }

    private static int uniqueNumber() {
        return 2_000_000 + (int) (Math.random() * 7_000_000);
    }
}
