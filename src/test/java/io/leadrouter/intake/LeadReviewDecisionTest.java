package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadrouter.DecisionTables;
import io.leadrouter.lead.LeadProblem;

/**
 * Proves the shipped review policy, {@code processes/lead-review.dmn} (hit policy FIRST), row by
 * row: what it holds for a person and what routes with the problem noted, and why.
 */
class LeadReviewDecisionTest {

    private static DmnDecision leadReview;

    @BeforeAll
    static void parseDecision() {
        leadReview = DecisionTables.parse("lead-review.dmn", "leadReview");
    }

    /** One problem of a lead as the application asks about it: the code and the lead's facts. */
    private static Map<String, Object> judge(String problem, String tier, boolean hasEmail, boolean hasExternalId) {
        VariableMap facts = Variables.createVariables()
                .putValue("problem", problem)
                .putValue("tier", tier)
                .putValue("hasCompany", false)
                .putValue("hasContact", hasEmail)
                .putValue("email", hasEmail ? "ravi@example.in" : null)
                .putValue("hasExternalId", hasExternalId)
                .putValue("source", "Olark Chat");
        return DecisionTables.ENGINE.evaluateDecisionTable(leadReview, facts).getSingleResult().getEntryMap();
    }

    @ParameterizedTest(name = "{0}, tier {1}, e-mail {2}, external id {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            NO_COMPANY       | COLD |  true | false | route | an individual, routed as a normal lead
            NO_COMPANY       | HOT  |  true | false | route | an individual, routed as a normal lead
            NO_COUNTRY       | HOT  |  true | false | route | routed by the routing rules' catch-all
            NO_CONTACT       | WARM | false |  true | route | the rep reaches the person through the source system by its external id
            NO_CONTACT       | WARM | false | false | hold  | nobody can reach this person: add an e-mail address or a phone number, or disqualify the lead
            SUSPICIOUS_EMAIL | COLD |  true |  true | hold  | check that a real person sent it, correct the address or disqualify the lead
            INVALID_EMAIL    | COLD |  true |  true | hold  | correct the address or disqualify the lead
            INCOMPLETE_PHONE | WARM | false |  true | hold  | and there is no e-mail address: correct the number or disqualify the lead
            INCOMPLETE_PHONE | HOT  |  true | false | route | the rep writes to the e-mail address instead
            UNKNOWN_COUNTRY  | HOT  |  true | false | hold  | a hot lead goes by territory: correct the country
            UNKNOWN_COUNTRY  | WARM |  true | false | route | routed by the routing rules' catch-all
            UNKNOWN_COUNTRY  |      |  true | false | route | routed by the routing rules' catch-all
            UNKNOWN_US_STATE | HOT  |  true | false | hold  | a hot lead goes by territory: correct the state
            UNKNOWN_US_STATE | COLD |  true | false | route | routed as a US lead without a known state
            """)
    void theShippedPolicyHoldsOnlyWhatAPersonMustDecide(String problem, String tier, boolean hasEmail,
                                                       boolean hasExternalId, String action, String reason) {
        assertThat(judge(problem, tier, hasEmail, hasExternalId))
                .containsEntry("action", action).containsEntry("reason", reason);
    }

    @Test
    void everyProblemValidationFindsHasARuleOfItsOwn() {
        assertThat(Arrays.stream(LeadProblem.values()).map(Enum::name))
                .allSatisfy(problem -> assertThat(judge(problem, "WARM", true, true).get("reason")).as(problem)
                        .isNotEqualTo("the review policy has no rule for this problem yet"));
    }

    @Test
    void aProblemThePolicyDoesNotNameYetIsHeldUntilTheModelerDecides() {
        assertThat(judge("NO_BUDGET", "WARM", true, true)).containsEntry("action", "hold")
                .containsEntry("reason", "the review policy has no rule for this problem yet");
    }
}
