package io.leadrouter.scoring;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadrouter.DecisionTables;

/** Proves each rule of {@code processes/lead-qualification.dmn} (hit policy FIRST). */
class LeadQualificationDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision leadQualification;

    @BeforeAll
    static void parseDecision() {
        engine = DecisionTables.ENGINE;
        leadQualification = DecisionTables.parse("lead-qualification.dmn", "leadQualification");
    }

    /** Evaluates with every variable present, as the application does. */
    private static Map<String, Object> qualify(String emailDomain, String company, String tier, Integer score) {
        DmnDecisionResultEntries result = engine.evaluateDecision(leadQualification, Variables.createVariables()
                        .putValue("emailDomain", emailDomain)
                        .putValue("company", company)
                        .putValue("tier", tier)
                        .putValue("score", score))
                .getSingleResult();
        assertThat(result).as("exactly one rule applies").isNotNull();
        assertThat((String) result.get("qualificationReason")).as("reason").isNotBlank();
        return result.getEntryMap();
    }

    private static String qualification(String emailDomain, String company, String tier, Integer score) {
        return (String) qualify(emailDomain, company, tier, score).get("qualification");
    }

    @ParameterizedTest(name = "a hot lead from {0} is disqualified")
    @ValueSource(strings = {"mailinator.com", "guerrillamail.com", "10minutemail.com", "temp-mail.org",
            "yopmail.com", "trashmail.com", "sharklasers.com", "getnada.com", "dispostable.com", "maildrop.cc"})
    void disposableEmailDomainsAreDisqualifiedEvenWhenHot(String domain) {
        Map<String, Object> result = qualify(domain, "Acme Corporation", "HOT", 95);
        assertThat(result.get("qualification")).isEqualTo("DISQUALIFIED");
        assertThat((String) result.get("qualificationReason")).containsIgnoringCase("disposable");
    }

    @ParameterizedTest(name = "a hot lead from {0} is disqualified")
    @ValueSource(strings = {"example.com", "example.org", "example.net", "test.com"})
    void testAndExampleDomainsAreDisqualified(String domain) {
        Map<String, Object> result = qualify(domain, "Acme Corporation", "HOT", 95);
        assertThat(result.get("qualification")).isEqualTo("DISQUALIFIED");
        assertThat((String) result.get("qualificationReason")).containsIgnoringCase("test");
    }

    @ParameterizedTest(name = "a hot lead from company ''{0}'' is disqualified")
    @ValueSource(strings = {"dell", "Dell", "HP", "hp", "Lenovo", "LENOVO", "Acer", "ASUS", "Hewlett-Packard"})
    void competitorsAreDisqualifiedWhateverTheCase(String company) {
        Map<String, Object> result = qualify("corp.example-partner.com", company, "HOT", 95);
        assertThat(result.get("qualification")).isEqualTo("DISQUALIFIED");
        assertThat((String) result.get("qualificationReason")).containsIgnoringCase("competitor");
    }

    @Test
    void companyWhoseNameOnlyStartsLikeACompetitorIsNotDisqualified() {
        assertThat(qualification("dellwoodfarms.com", "Dellwood Farms", "HOT", 80)).isEqualTo("SALES_READY");
    }

    @Test
    void disposableEmailIsCheckedBeforeTheTier() {
        assertThat(qualification("yopmail.com", null, "COLD", 10)).isEqualTo("DISQUALIFIED");
    }

    @Test
    void coldLeadIsNurtured() {
        Map<String, Object> result = qualify("acme.com", "Acme Corporation", "COLD", 25);
        assertThat(result.get("qualification")).isEqualTo("NURTURE");
        assertThat((String) result.get("qualificationReason")).containsIgnoringCase("cold");
    }

    @Test
    void coldLeadWithoutCompanyOrEmailDomainIsNurtured() {
        assertThat(qualification(null, null, "COLD", 0)).isEqualTo("NURTURE");
    }

    @ParameterizedTest(name = "a {0} lead with score {1} is sales-ready")
    @CsvSource({"WARM,40", "WARM,69", "HOT,70", "HOT,100"})
    void warmAndHotLeadsWithARealContactAreSalesReady(String tier, int score) {
        Map<String, Object> result = qualify("acme.com", "Acme Corporation", tier, score);
        assertThat(result.get("qualification")).isEqualTo("SALES_READY");
    }

    @Test
    void hotLeadWithUnknownCompanyAndEmailDomainIsSalesReady() {
        assertThat(qualification(null, null, "HOT", 85)).isEqualTo("SALES_READY");
    }

    @Test
    void leadWithoutTierOrScoreIsNurtured() {
        assertThat(qualification("acme.com", "Acme Corporation", null, null)).isEqualTo("NURTURE");
    }

    @ParameterizedTest(name = "a lead without tier but with score {0} is {1}")
    @CsvSource({"0,NURTURE", "39,NURTURE", "40,SALES_READY", "90,SALES_READY"})
    void leadWithoutTierFallsBackToItsScore(int score, String expected) {
        assertThat(qualification("acme.com", "Acme Corporation", null, score)).isEqualTo(expected);
    }

    @Test
    void leadWithNothingKnownIsNurtured() {
        assertThat(qualification(null, null, null, null)).isEqualTo("NURTURE");
    }
}
