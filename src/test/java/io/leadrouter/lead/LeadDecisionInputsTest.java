package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import io.leadrouter.DecisionTables;

/**
 * A modeler adds an input column on any field or attribute of a lead by its name, with no Java:
 * the decisions read {@link LeadDecisionInputs}.
 */
class LeadDecisionInputsTest {

    /** A table nobody wrote Java for: it routes on the attribute {@code campaign} a source system sent. */
    private static final String CAMPAIGN_TABLE = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="campaignRules" name="Campaign rules"
                         namespace="http://leadrouter.io/test">
              <decision id="campaignTeam" name="Campaign team">
                <decisionTable id="campaignTeam_table" hitPolicy="FIRST">
                  <input id="in_campaign" label="Campaign">
                    <inputExpression id="in_campaign_expr" typeRef="string"><text>campaign</text></inputExpression>
                  </input>
                  <input id="in_pageViews" label="Page views">
                    <inputExpression id="in_pageViews_expr" typeRef="integer"><text>pageViews</text></inputExpression>
                  </input>
                  <output id="out_team" name="team" typeRef="string" />
                  <rule id="springLaunchEngaged">
                    <inputEntry id="r1_campaign"><text>"spring-launch"</text></inputEntry>
                    <inputEntry id="r1_pageViews"><text>&gt;= 5</text></inputEntry>
                    <outputEntry id="r1_team"><text>"launch-desk"</text></outputEntry>
                  </rule>
                  <rule id="everyoneElse">
                    <inputEntry id="r2_campaign"><text>-</text></inputEntry>
                    <inputEntry id="r2_pageViews"><text>-</text></inputEntry>
                    <outputEntry id="r2_team"><text>"central"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    private static Lead lead(String country, String attributes) {
        return Lead.receive(new LeadData("x-1", "Ada", "Lovelace", "ada@gmail.com", null, "Analytical Engines",
                null, country, null, null, "technology", 250, new BigDecimal("1500000.00"), "GTX Pro", "Google",
                "en", attributes), Instant.now(), null, "x-education");
    }

    private static String team(Lead lead) {
        DmnDecision table = DecisionTables.ENGINE.parseDecision("campaignTeam",
                new ByteArrayInputStream(CAMPAIGN_TABLE.getBytes(StandardCharsets.UTF_8)));
        return DecisionTables.ENGINE.evaluateDecisionTable(table,
                Variables.fromMap(LeadDecisionInputs.of(lead))).getSingleEntry();
    }

    @Test
    void aDecisionDecidesOnAnAttributeNoJavaNames() {
        assertThat(team(lead("US", "{\"campaign\":\"spring-launch\",\"pageViews\":7}"))).isEqualTo("launch-desk");
        assertThat(team(lead("US", "{\"campaign\":\"spring-launch\",\"pageViews\":2}"))).isEqualTo("central");
        assertThat(team(lead("US", "{\"campaign\":\"autumn\",\"pageViews\":9}"))).isEqualTo("central");
        assertThat(team(lead("US", null))).isEqualTo("central");
    }

    @Test
    void everyFieldIsAnInputByItsNameAndWinsOverAnAttributeOfTheSameName() {
        Map<String, Object> inputs = LeadDecisionInputs.of(lead("US", "{\"country\":\"FR\",\"Lead Origin\":\"API\"}"));

        assertThat(inputs).containsEntry("country", "US").containsEntry("Lead Origin", "API")
                .containsEntry("employees", 250).containsEntry("industry", "technology")
                .containsEntry("annualRevenue", 1_500_000.0).doesNotContainKey("attributes");
        for (LeadField field : LeadField.values()) {
            assertThat(inputs.containsKey(field.fieldName())).as(field.fieldName())
                    .isEqualTo(field != LeadField.ATTRIBUTES);
        }
    }

    @Test
    void derivedInputsAreTheRegionTheEmailDomainTheSourceMappingTheFunnelStageEngagementAndTheScore() {
        Lead lead = lead("DE", "{\"funnelStage\":\"MQL\",\"totalVisits\":\"12\",\"timeOnSiteSeconds\":95.6}");
        lead.recordScore(72, LeadTier.WARM);

        Map<String, Object> inputs = LeadDecisionInputs.of(lead);

        assertThat(inputs).containsEntry("region", "EUROPE").containsEntry("emailDomain", "gmail.com")
                .containsEntry("sourceMapping", "x-education")
                .containsEntry("funnelStage", "MQL").containsEntry("totalVisits", 12)
                .containsEntry("timeOnSiteSeconds", 96).containsEntry("score", 72).containsEntry("tier", "WARM");
        assertThat(LeadDecisionInputs.of(lead("DE", null))).containsEntry("score", null).containsEntry("tier", null);
    }

    @Test
    void attributesAreReadByTheirOwnNamesOnlyASourcesOtherNamesAreForItsMapping() {
        Map<String, Object> inputs = LeadDecisionInputs.of(lead("DE",
                "{\"Lead Stage\":\"MQL\",\"TotalVisits\":\"12\",\"Total Time Spent on Website\":95.6}"));

        assertThat(inputs).containsEntry("funnelStage", null).containsEntry("totalVisits", null)
                .containsEntry("timeOnSiteSeconds", null)
                .as("still an input by the name the source gave it").containsEntry("TotalVisits", "12");
    }

    @Test
    void derivedInputsSayWhetherTheLeadGivesACompanyAContactAndAnExternalId() {
        assertThat(LeadDecisionInputs.of(lead("US", null))).containsEntry("hasCompany", true)
                .containsEntry("hasContact", true).containsEntry("hasExternalId", true);

        Lead individual = Lead.receive(new LeadData(null, "Ravi", null, null, null, null, null, "IN", null,
                "Mumbai", null, null, null, null, "Olark Chat", null, null), Instant.now(), null);
        assertThat(LeadDecisionInputs.of(individual)).containsEntry("hasCompany", false)
                .containsEntry("hasContact", false).containsEntry("hasExternalId", false);

        Lead byPhone = Lead.receive(new LeadData(null, "Ravi", null, null, "+91 22 1234 5678", null, null, "IN",
                null, null, null, null, null, null, null, null, null), Instant.now(), null);
        assertThat(LeadDecisionInputs.of(byPhone)).containsEntry("hasContact", true);
    }

    @Test
    void theScoringTablesReadTheLeadsInputs() {
        DmnDecision leadScore = DecisionTables.parse("lead-scoring.dmn", "leadScore");
        Lead engaged = lead("US", "{\"totalVisits\":40,\"timeOnSiteSeconds\":1800}");
        Lead unseen = lead("US", null);

        Number engagedPoints = DecisionTables.ENGINE.evaluateDecisionTable(leadScore,
                Variables.fromMap(LeadDecisionInputs.of(engaged))).getSingleEntry();
        Number unseenPoints = DecisionTables.ENGINE.evaluateDecisionTable(leadScore,
                Variables.fromMap(LeadDecisionInputs.of(unseen))).getSingleEntry();

        assertThat(engagedPoints.intValue()).isGreaterThan(unseenPoints.intValue());
    }
}
