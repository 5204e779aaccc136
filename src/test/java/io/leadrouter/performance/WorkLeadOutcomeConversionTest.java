package io.leadrouter.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.RoutingProperties;

/**
 * The outcome a rep records on Work lead, through the process, is what performance routing
 * learns from: CONVERTED is a won deal and LOST a lost one in the rep's conversion rate for the
 * lead's product, sector and overall.
 */
@IntegrationTest
class WorkLeadOutcomeConversionTest {

    private static final String CALIFORNIA_LEAD = """
            {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@engines-%1$s.com",
             "company": "Engines %1$s", "country": "US", "state": "CA", "industry": "technology",
             "employees": 2500, "annualRevenue": 250000000, "product": "GTX Pro", "source": "Reference"}""";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    ConversionRates conversionRates;
    @Autowired
    RoutingProperties routing;

    @ParameterizedTest
    @CsvSource({"CONVERTED, true", "LOST, false"})
    void theOutcomeOfWorkLeadMovesTheOwnersConversionRate(String outcome, boolean won) {
        String id = driver.submitLead(CALIFORNIA_LEAD.formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();
        JsonNode lead = driver.lead(id);
        String owner = lead.get("owner").asText();
        String team = lead.get("team").asText();
        String product = lead.get("product").asText();
        String sector = lead.get("industry").asText();
        ConversionRates.Rates before = ratesAsRoutingReadsThem(owner, team, product, sector);

        driver.complete(driver.taskOf(id), won ? Map.of("outcome", outcome, "dealValue", 5000)
                : Map.of("outcome", outcome, "lostReason", "PRICE"));

        ConversionRates.Rates after = ratesAsRoutingReadsThem(owner, team, product, sector);
        assertThat(after.basis()).isEqualTo(before.basis());
        assertThat(after.deals().get(owner)).isEqualTo(before.deals().get(owner) + 1);
        if (won) {
            assertThat(after.byRep().get(owner)).isGreaterThan(before.byRep().get(owner));
        } else {
            assertThat(after.byRep().get(owner)).isLessThan(before.byRep().get(owner));
        }
    }

    /** The owner's rate for a lead like this one, as performance routing reads it. */
    private ConversionRates.Rates ratesAsRoutingReadsThem(String owner, String team, String product, String sector) {
        return conversionRates.rates(conversionRates.basis(team, product, sector), List.of(owner),
                routing.performancePrior());
    }
}
