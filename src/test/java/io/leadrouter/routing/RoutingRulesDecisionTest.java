package io.leadrouter.routing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.leadrouter.DecisionTables;

/** Proves each rule of {@code processes/routing-rules.dmn} (hit policy FIRST). */
class RoutingRulesDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision routingRules;

    @BeforeAll
    static void parseDecision() {
        engine = DecisionTables.ENGINE;
        routingRules = DecisionTables.parse("routing-rules.dmn", "routingRules");
    }

    // --- helpers --------------------------------------------------------------------------------

    /** A lead as the application passes it: every variable present, unknown values null. */
    static final class Lead {
        String country;
        String state;
        String region;
        String industry = "technology";
        String product = "GTX Pro";
        Integer employees = 500;
        String tier = "WARM";
        String language = "en";
        boolean hasCompany = true;
        String source = "Web Form";

        Lead country(String v) { country = v; return this; }
        Lead state(String v) { state = v; return this; }
        Lead region(String v) { region = v; return this; }
        Lead product(String v) { product = v; return this; }
        Lead employees(Integer v) { employees = v; return this; }
        Lead tier(String v) { tier = v; return this; }
        Lead language(String v) { language = v; return this; }
        Lead individual() { hasCompany = false; employees = null; industry = null; return this; }
        Lead source(String v) { source = v; return this; }

        Lead unknownEverything() {
            country = state = region = industry = product = tier = language = source = null;
            employees = null;
            return this;
        }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("country", country)
                    .putValue("state", state)
                    .putValue("region", region)
                    .putValue("industry", industry)
                    .putValue("product", product)
                    .putValue("employees", employees)
                    .putValue("tier", tier)
                    .putValue("language", language)
                    .putValue("funnelStage", null)
                    .putValue("hasCompany", hasCompany)
                    .putValue("source", source);
        }
    }

    private static Lead lead() {
        return new Lead();
    }

    private static Lead us(String state) {
        return lead().country("US").state(state).region("NORTH_AMERICA");
    }

    private static Map<String, Object> route(Lead lead) {
        DmnDecisionResultEntries result = engine.evaluateDecision(routingRules, lead.variables()).getSingleResult();
        assertThat(result).as("a rule always matches").isNotNull();
        assertThat((String) result.get("ruleName")).as("rule name").isNotBlank();
        return result.getEntryMap();
    }

    private static String team(Lead lead) {
        return (String) route(lead).get("team");
    }

    /** Territory rules give the lead to its account's owner, else round-robin in the team; the catch-all is plain round-robin. */
    private static void assertTerritoryRoute(Map<String, Object> result, String team, String ruleName) {
        boolean catchAll = ruleName.startsWith("No territory matched");
        assertThat(result)
                .containsEntry("team", team)
                .containsEntry("strategy", catchAll ? "round-robin" : "account-owner")
                .containsEntry("fallback", catchAll ? null : "round-robin")
                .containsEntry("rep", null)
                .containsEntry("ruleName", ruleName);
    }

    // --- anchors --------------------------------------------------------------------------------

    @Test
    void californiaLeadGoesToWestTeam() {
        assertTerritoryRoute(route(us("CA")), "west", "California");
    }

    @Test
    void newYorkLeadGoesToEastTeam() {
        assertTerritoryRoute(route(us("NY")), "east", "New York");
    }

    @Test
    void texasLeadGoesToCentralTeam() {
        assertTerritoryRoute(route(us("TX")), "central", "Texas");
    }

    @Test
    void germanLeadGoesToEastTeam() {
        assertTerritoryRoute(route(lead().country("DE").region("EUROPE").language("de")), "east",
                "Europe, Africa and Middle East");
    }

    @Test
    void nigerianLeadGoesToEastTeam() {
        assertTerritoryRoute(route(lead().country("NG").region("AFRICA")), "east", "Europe, Africa and Middle East");
    }

    @Test
    void middleEastLeadGoesToEastTeam() {
        assertThat(team(lead().country("AE").region("MIDDLE_EAST").language("ar"))).isEqualTo("east");
    }

    @ParameterizedTest(name = "a lead from {0} goes to the west team")
    @ValueSource(strings = {"IN", "AU", "JP"})
    void asiaPacificLeadGoesToWestTeam(String country) {
        assertTerritoryRoute(route(lead().country(country).region("ASIA_PACIFIC")), "west", "Asia-Pacific");
    }

    @ParameterizedTest(name = "a lead from {0} ({1}) goes to the central team")
    @CsvSource({"BR,LATIN_AMERICA", "CA,NORTH_AMERICA", "MX,LATIN_AMERICA"})
    void americasOutsideTheUsGoToCentralTeam(String country, String region) {
        assertTerritoryRoute(route(lead().country(country).region(region)), "central", "Americas outside the US");
    }

    @Test
    void canadianLeadIsNotMistakenForCalifornia() {
        assertThat(team(lead().country("CA").state("CA").region("NORTH_AMERICA"))).isEqualTo("central");
    }

    @Test
    void leadFromUnknownCountryFallsToDefaultTeam() {
        assertTerritoryRoute(route(lead().country("XX")), "central", "No territory matched: default team");
    }

    @Test
    void leadWithNothingKnownFallsToDefaultTeam() {
        assertTerritoryRoute(route(lead().unknownEverything()), "central", "No territory matched: default team");
    }

    // --- the other US states --------------------------------------------------------------------

    @ParameterizedTest(name = "a lead from {0} goes to the west team")
    @ValueSource(strings = {"WA", "OR", "NV", "AZ", "UT", "ID", "MT", "WY", "CO", "NM", "AK", "HI"})
    void westernStateLeadGoesToWestTeam(String state) {
        assertTerritoryRoute(route(us(state)), "west", "US West");
    }

    @ParameterizedTest(name = "a lead from {0} goes to the east team")
    @ValueSource(strings = {"ME", "NH", "VT", "MA", "RI", "CT", "NJ", "PA", "DE", "MD", "DC", "VA"})
    void northEasternStateLeadGoesToEastTeam(String state) {
        assertTerritoryRoute(route(us(state)), "east", "US Northeast");
    }

    @ParameterizedTest(name = "a lead from {0} goes to the central team")
    @ValueSource(strings = {"FL", "IL", "OH", "GA", "MN"})
    void otherUsStateLeadGoesToCentralTeam(String state) {
        assertTerritoryRoute(route(us(state)), "central", "US Central");
    }

    @Test
    void usLeadWithoutStateGoesToCentralTeam() {
        assertTerritoryRoute(route(lead().country("US")), "central", "US Central");
    }

    // --- direct assignment ----------------------------------------------------------------------

    @Test
    void enterpriseGtk500LeadGoesDirectlyToTheSpecialist() {
        Map<String, Object> result = route(us("NY").product("GTK 500").employees(1000));
        assertThat(result)
                .containsEntry("team", "west")
                .containsEntry("strategy", "direct")
                .containsEntry("fallback", "priority")
                .containsEntry("rep", "elease.gluck")
                .containsEntry("ruleName", "Enterprise GTK 500 specialist");
    }

    @Test
    void enterpriseGtk500LeadFromAbroadAlsoGoesToTheSpecialist() {
        assertThat(route(lead().country("DE").region("EUROPE").product("GTK 500").employees(20_000)))
                .containsEntry("strategy", "direct")
                .containsEntry("fallback", "priority")
                .containsEntry("rep", "elease.gluck");
    }

    @Test
    void gtk500LeadFromFiftyPersonCompanyIsNotAssignedDirectly() {
        assertTerritoryRoute(route(us("TX").product("GTK 500").employees(50)), "central", "Texas");
    }

    @Test
    void gtk500LeadWithUnknownCompanySizeIsNotAssignedDirectly() {
        assertTerritoryRoute(route(us("NY").product("GTK 500").employees(null)), "east", "New York");
    }

    // --- individuals ----------------------------------------------------------------------------

    @ParameterizedTest(name = "an individual from {0} goes to Central's inside sales")
    @ValueSource(strings = {"Olark Chat", "Live Chat", "Web Form", "Google", "Organic Search", "Bing",
        "Direct Traffic"})
    void individualsFromChatAndTheWebGoToCentralsInsideSalesWhereverTheyAre(String source) {
        assertThat(route(us("CA").individual().source(source)))
                .containsEntry("team", "central")
                .containsEntry("strategy", "account-owner")
                .containsEntry("fallback", "capacity,round-robin")
                .containsEntry("rep", null)
                .containsEntry("ruleName", "Individuals from chat and web");
        assertThat(team(lead().country("IN").region("ASIA_PACIFIC").individual().source(source))).isEqualTo("central");
    }

    @Test
    void individualsFromOtherSourcesAndCompaniesFromChatFollowTheirTerritory() {
        assertTerritoryRoute(route(us("CA").individual().source("Reference")), "west", "California");
        assertTerritoryRoute(route(us("CA").source("Olark Chat")), "west", "California");
        assertTerritoryRoute(route(lead().country("IN").region("ASIA_PACIFIC").individual().source(null)), "west",
                "Asia-Pacific");
    }

    @Test
    void enterpriseLeadForAnotherProductIsNotAssignedDirectly() {
        assertTerritoryRoute(route(us("CA").product("GTX Plus Pro").employees(5000)), "west", "California");
    }
}
