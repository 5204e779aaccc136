package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves each rule of {@code processes/response-sla.dmn} and that its values read as business time. */
class ResponseSlaDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision responseSla;

    @BeforeAll
    static void parseDecision() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ResponseSlaDecisionTest.class.getResourceAsStream("/response-sla.dmn")) {
            assertThat(in).as("response-sla.dmn on the classpath").isNotNull();
            responseSla = engine.parseDecision(ResponseSla.DECISION, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DmnDecisionResult evaluate(String tier) {
        return engine.evaluateDecision(responseSla, Variables.createVariables().putValue("tier", tier));
    }

    @ParameterizedTest(name = "{0} leads: respond within {1}")
    @CsvSource({
        "HOT,  PT15M",
        "WARM, PT4H",
        "COLD, P1D",
    })
    void eachTierHasItsDefaultResponseTimeAndAReminderAtThreeQuarters(String tier, String responseTime) {
        DmnDecisionResult result = evaluate(tier);

        assertThat(result).hasSize(1);
        assertThat((String) result.getSingleResult().getEntry("responseTime")).isEqualTo(responseTime);
        assertThat((Double) result.getSingleResult().getEntry("reminderAt")).isEqualTo(0.75);
    }

    @Test
    void leadWithoutTierGetsTheColdResponseTime() {
        assertThat((String) evaluate(null).getSingleResult().getEntry("responseTime")).isEqualTo("P1D");
        assertThat((String) evaluate("PLATINUM").getSingleResult().getEntry("responseTime")).isEqualTo("P1D");
    }

    @Test
    void hotIsFasterThanWarmAndWarmFasterThanColdForAnyRep() {
        Duration day = Duration.ofHours(8);
        Duration hot = length(evaluate("HOT"), day);
        Duration warm = length(evaluate("WARM"), day);
        Duration cold = length(evaluate("COLD"), day);

        assertThat(hot).isLessThan(warm);
        assertThat(warm).isLessThan(cold);
        assertThat(hot).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void everyRulesOutputsAreValidTerms() {
        for (String tier : new String[] {"HOT", "WARM", "COLD", null}) {
            var entries = evaluate(tier).getSingleResult();
            ResponseSla.Terms terms = ResponseSla.Terms.of(entries.getEntry("responseTime"), entries.getEntry("reminderAt"));
            assertThat(terms.reminderAt()).isStrictlyBetween(0.0, 1.0);
        }
    }

    private static Duration length(DmnDecisionResult result, Duration workingDay) {
        BusinessTime time = BusinessTime.parse(result.getSingleResult().getEntry("responseTime"));
        return workingDay.multipliedBy(time.workingDays()).plus(time.time());
    }
}
