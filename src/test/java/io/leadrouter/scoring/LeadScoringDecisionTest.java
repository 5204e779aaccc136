package io.leadrouter.scoring;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadrouter.DecisionTables;

/**
 * Proves each rule of {@code processes/lead-scoring.dmn}: the points table {@code leadScore}
 * (COLLECT + SUM) and the tier table {@code leadTier} (FIRST: the probability when a model scored
 * the lead, the score otherwise).
 */
class LeadScoringDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision leadScore;
    private static DmnDecision leadTier;

    @BeforeAll
    static void parseDecisions() {
        engine = DecisionTables.ENGINE;
        leadScore = DecisionTables.parse("lead-scoring.dmn", "leadScore");
        leadTier = DecisionTables.parse("lead-scoring.dmn", "leadTier");
    }


    // --- helpers --------------------------------------------------------------------------------

    /** A lead as the application passes it: every variable present, unknown values null. */
    static final class Lead {
        Integer employees;
        Double annualRevenue;
        String industry;
        String product;
        String source;
        Integer totalVisits;
        Integer timeOnSiteSeconds;
        String occupation;

        Lead employees(Integer v) { employees = v; return this; }
        Lead annualRevenue(Double v) { annualRevenue = v; return this; }
        Lead industry(String v) { industry = v; return this; }
        Lead product(String v) { product = v; return this; }
        Lead source(String v) { source = v; return this; }
        Lead totalVisits(Integer v) { totalVisits = v; return this; }
        Lead timeOnSiteSeconds(Integer v) { timeOnSiteSeconds = v; return this; }
        Lead occupation(String v) { occupation = v; return this; }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("employees", employees)
                    .putValue("annualRevenue", annualRevenue)
                    .putValue("industry", industry)
                    .putValue("product", product)
                    .putValue("source", source)
                    .putValue("totalVisits", totalVisits)
                    .putValue("timeOnSiteSeconds", timeOnSiteSeconds)
                    .putValue("occupation", occupation);
        }
    }

    private static Lead lead() {
        return new Lead();
    }

    private static int points(Lead lead) {
        Object sum = engine.evaluateDecisionTable(leadScore, lead.variables()).getSingleEntry();
        assertThat(sum).as("sum of points").isInstanceOf(Number.class);
        return ((Number) sum).intValue();
    }

    /** Without a model: the application passes a null probability. */
    private static String tier(Integer score) {
        return tier(null, score);
    }

    private static String tier(Double conversionProbability, Integer score) {
        return engine.evaluateDecisionTable(leadTier, Variables.createVariables()
                        .putValue("conversionProbability", conversionProbability).putValue("score", score))
                .getSingleEntry();
    }

    /** What the application does: sum, clamp to 0..100, then tier. */
    private static String tierOf(Lead lead) {
        return tier(Math.max(0, Math.min(100, points(lead))));
    }

    // --- whole leads ----------------------------------------------------------------------------

    @Test
    void leadWithNothingButAnEmailScoresZeroAndIsCold() {
        assertThat(points(lead())).isZero();
        assertThat(tierOf(lead())).isEqualTo("COLD");
    }

    @Test
    void enterpriseTechnologyReferenceForGtk500IsHot() {
        Lead enterprise = lead().employees(5000).annualRevenue(250_000_000d).industry("technology")
                .product("GTK 500").source("Reference");
        assertThat(points(enterprise)).isEqualTo(20 + 15 + 10 + 15 + 70);
        assertThat(tierOf(enterprise)).isEqualTo("HOT");
    }

    @Test
    void enterpriseTechnologyLeadForGtk500IsWarmEvenWithoutAReference() {
        Lead enterprise = lead().employees(1000).annualRevenue(100_000_000d).industry("technology")
                .product("GTK 500");
        assertThat(points(enterprise)).isEqualTo(60);
        assertThat(tierOf(enterprise)).isEqualTo("WARM");
    }

    @Test
    void referenceAloneMakesALeadHot() {
        assertThat(points(lead().source("Reference"))).isEqualTo(70);
        assertThat(tierOf(lead().source("Reference"))).isEqualTo("HOT");
    }

    @Test
    void searchVisitorWhoSpentFifteenMinutesOnTheSiteIsWarm() {
        Lead engaged = lead().source("Google").totalVisits(6).timeOnSiteSeconds(1200);
        assertThat(points(engaged)).isEqualTo(10 + 10 + 40);
        assertThat(tierOf(engaged)).isEqualTo("WARM");
    }

    @Test
    void engagedSearchVisitorFromALargeCompanyIsHot() {
        Lead engaged = lead().employees(1500).source("Google").totalVisits(6).timeOnSiteSeconds(1200);
        assertThat(points(engaged)).isEqualTo(20 + 10 + 10 + 40);
        assertThat(tierOf(engaged)).isEqualTo("HOT");
    }

    @Test
    void chatLeadThatBarelyLookedAtTheSiteIsCold() {
        Lead chat = lead().source("Olark Chat").totalVisits(1).timeOnSiteSeconds(120);
        assertThat(points(chat)).isEqualTo(15);
        assertThat(tierOf(chat)).isEqualTo("COLD");
    }

    @Test
    void anIndividualScoresOnWhatTheyGiveWithoutAnyCompanyPoints() {
        // no employees, revenue or industry: those rows have no input and add nothing
        Lead person = lead().source("Olark Chat").totalVisits(6).timeOnSiteSeconds(1000)
                .occupation("Working Professional");
        assertThat(points(person)).isEqualTo(15 + 10 + 40 + 30);
        assertThat(tierOf(person)).isEqualTo("HOT");
    }

    @Test
    void pointsOfEveryCriterionAddUp() {
        Lead midMarket = lead().employees(250).annualRevenue(20_000_000d).industry("finance")
                .product("GTX Pro").source("Google").totalVisits(3).timeOnSiteSeconds(700);
        assertThat(points(midMarket)).isEqualTo(15 + 10 + 6 + 10 + 10 + 5 + 20);
        assertThat(tierOf(midMarket)).isEqualTo("HOT");
    }

    @Test
    void scoreAboveOneHundredIsCappedAndStillHot() {
        Lead best = lead().employees(10_000).annualRevenue(1e9).industry("software").product("GTK 500")
                .source("Partner").totalVisits(12).timeOnSiteSeconds(2400);
        assertThat(points(best)).isGreaterThan(100);
        assertThat(tierOf(best)).isEqualTo("HOT");
    }

    // --- one criterion at a time ----------------------------------------------------------------

    @ParameterizedTest(name = "a company with {0} employees earns {1} points")
    @CsvSource({"100000,20", "1000,20", "999,15", "200,15", "199,10", "50,10", "49,5", "10,5", "9,0",
            "0,0", ",0"})
    void companySizeEarnsPointsByBand(Integer employees, int expected) {
        assertThat(points(lead().employees(employees))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a company with {0} USD revenue earns {1} points")
    @CsvSource({"5000000000,15", "100000000,15", "99999999.99,10", "10000000,10", "9999999,5",
            "1000000,5", "999999,0", "0,0", ",0"})
    void annualRevenueEarnsPointsByBand(Double revenue, int expected) {
        assertThat(points(lead().annualRevenue(revenue))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "industry ''{0}'' earns {1} points")
    @CsvSource({"technology,10", "software,10", "telecommunications,10", "finance,6", "medical,6",
            "retail,3", "services,3", "marketing,3", "entertainment,3", "employment,3", "agriculture,0",
            ",0"})
    void industryFitEarnsPoints(String industry, int expected) {
        assertThat(points(lead().industry(industry))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "interest in ''{0}'' earns {1} points")
    @CsvSource({"GTK 500,15", "GTX Plus Pro,10", "GTX Pro,10", "MG Advanced,8", "GTX Plus Basic,5",
            "GTX Basic,3", "MG Special,1", "Some Other Gadget,0", ",0"})
    void biggerProductsEarnMorePoints(String product, int expected) {
        assertThat(points(lead().product(product))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "source ''{0}'' earns {1} points")
    @CsvSource({"Reference,70", "Partner,70", "Welingak Website,70", "Referral Sites,25",
            "Olark Chat,15", "Live Chat,15", "Click2call,15", "Webinar,15", "Trade Show,15", "Google,10",
            "Organic Search,10", "Bing,10", "Web Form,10", "Direct Traffic,5", "Email Campaign,5",
            "LinkedIn,5", "Facebook,0", "Social Media,0", "Pay per Click Ads,0", "Press Release,0",
            "youtubechannel,0", ",0"})
    void leadSourceQualityEarnsPoints(String source, int expected) {
        assertThat(points(lead().source(source))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} website visits earn {1} points")
    @CsvSource({"0,0", "2,0", "3,5", "4,5", "5,10", "250,10", ",0"})
    void repeatedVisitsEarnPoints(Integer visits, int expected) {
        assertThat(points(lead().totalVisits(visits))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} seconds on the website earn {1} points")
    @CsvSource({"0,0", "299,0", "300,5", "599,5", "600,20", "899,20", "900,40", "7200,40", ",0"})
    void timeOnSiteEarnsTheMostEngagementPoints(Integer seconds, int expected) {
        assertThat(points(lead().timeOnSiteSeconds(seconds))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "occupation ''{0}'' earns {1} points")
    @CsvSource({"Working Professional,30", "Unemployed,0", "Student,0", "Businessman,0", ",0"})
    void anAttributeTheSourceSendsEarnsPointsByItsName(String occupation, int expected) {
        assertThat(points(lead().occupation(occupation))).isEqualTo(expected);
    }

    // --- tiers ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"100,HOT", "70,HOT", "69,WARM", "40,WARM", "39,COLD", "0,COLD"})
    void scoreBandsMapToTiers(int score, String expected) {
        assertThat(tier(score)).isEqualTo(expected);
    }

    @Test
    void missingScoreIsCold() {
        assertThat(tier(null)).isEqualTo("COLD");
    }

    @ParameterizedTest(name = "probability {0} is {1}, whatever the score")
    @CsvSource({"1.0,HOT", "0.60,HOT", "0.5999,WARM", "0.30,WARM", "0.2999,COLD", "0.0,COLD"})
    void probabilityBandsMapToTiers(double probability, String expected) {
        assertThat(tier(probability, 0)).as("score 0").isEqualTo(expected);
        assertThat(tier(probability, 100)).as("score 100").isEqualTo(expected);
        assertThat(tier(probability, null)).as("no score").isEqualTo(expected);
    }

    @Test
    void modelSaysColdForALeadTheRulesCallHot() {
        assertThat(tier(95)).isEqualTo("HOT");
        assertThat(tier(0.12, 95)).isEqualTo("COLD");
    }
}
