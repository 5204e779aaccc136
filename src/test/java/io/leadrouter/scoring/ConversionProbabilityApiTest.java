package io.leadrouter.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.analytics.AnalyticsFixture;
import io.leadrouter.lead.LeadRepository;

/**
 * Serving the conversion model end to end: the X Education history imported through the API, a model
 * trained and published through the API, then a lead posted through the x-education source carries its
 * probability, its five factors and the model's version in {@code GET /api/leads/{id}}, on its process
 * (for the forms and the card) and in its tier; a lead posted before any model was published has none
 * of them. In a database of its own (like {@code ScoringModelApiTest}): a published model scores every
 * lead of the context it lives in.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:conversion-probability;DB_CLOSE_DELAY=-1",
                "camunda.bpm.process-engine-name=conversion-probability"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversionProbabilityApiTest {

    private static final Set<String> MODEL_VARIABLES = Set.of("conversionProbabilityText", "scoreFactorsText");

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    LeadRepository leads;

    private String beforeModel;
    private JsonNode model;
    private String afterModel;

    @BeforeAll
    void postALeadThenPublishAModelThenPostAnother() throws IOException {
        beforeModel = XEducationThroughTheApi.postLead(driver, xEducationLead());
        XEducationThroughTheApi.importHistory(fixture.salesOps());
        ResponseEntity<JsonNode> trained = fixture.salesOps().postForEntity("/api/scoring/models/training", null,
                JsonNode.class);
        assertThat(trained.getStatusCode()).as(String.valueOf(trained.getBody())).isEqualTo(HttpStatus.CREATED);
        model = trained.getBody();
        afterModel = XEducationThroughTheApi.postLead(driver, xEducationLead());
    }

    @AfterAll
    void removeTheModelsAndTheHistory() {
        jdbc.update("delete from scoring_models");
        jdbc.update("delete from leads where status = 'HISTORY'");
    }

    @Test
    void aLeadPostedAfterTheModelWasPublishedCarriesItsProbabilityFactorsAndVersion() {
        assertThat(model.get("status").asText()).isEqualTo("PUBLISHED");
        JsonNode lead = driver.lead(afterModel);

        double probability = lead.get("conversionProbability").asDouble();
        assertThat(probability).isBetween(0.0, 1.0);
        assertThat(lead.get("scoringModelVersion").asInt()).isEqualTo(model.get("version").asInt());
        JsonNode factors = lead.get("scoreFactors");
        assertThat(factors).hasSize(LeadScoring.FACTORS);
        factors.forEach(factor -> {
            assertThat(factor.get("feature").asText()).isNotBlank();
            assertThat(factor.get("words").asText()).containsAnyOf("↑", "↓");
            assertThat(factor.get("contribution").isNumber()).isTrue();
        });
        assertThat(Math.abs(factors.get(0).get("contribution").asDouble()))
                .as("strongest first").isGreaterThanOrEqualTo(Math.abs(factors.get(4).get("contribution").asDouble()));
        assertThat(lead.get("tier").asText())
                .isEqualTo(probability >= 0.60 ? "HOT" : probability >= 0.30 ? "WARM" : "COLD");
        assertThat(lead.get("score").isInt()).as("the rules' points stay").isTrue();
    }

    @Test
    void theProcessCarriesTheProbabilityAndFactorsAsWordsForTheFormsAndTheCardOutsideTheHistory() {
        JsonNode lead = driver.lead(afterModel);
        String processInstanceId = leads.findById(afterModel).orElseThrow().getProcessInstanceId();
        // the lead waits for its rep (a working professional who spent 25 minutes on the site)
        Map<String, Object> variables = runtime.getVariables(processInstanceId);

        assertThat(variables.get("conversionProbabilityText"))
                .isEqualTo(Math.round(lead.get("conversionProbability").asDouble() * 100) + " %");
        assertThat(((String) variables.get("scoreFactorsText")).split("\n"))
                .containsExactly(words(lead.get("scoreFactors")));
        // what a model costs the engine per lead: two runtime rows; the lead's row keeps the values, so
        // the history (audit, the default) records no copy, and the probability is no process variable
        assertThat(variables).doesNotContainKey("conversionProbability");
        assertThat(historicProcessVariables(afterModel)).containsKeys("leadId", "tier", "score")
                .doesNotContainKeys(MODEL_VARIABLES.toArray(String[]::new));
    }

    @Test
    void aLeadScoredBeforeAnyModelWasPublishedHasNoProbability() {
        JsonNode lead = driver.lead(beforeModel);

        assertThat(lead.has("conversionProbability")).as("%s", lead).isFalse();
        assertThat(lead.has("scoreFactors")).isFalse();
        assertThat(lead.has("scoringModelVersion")).isFalse();
        assertThat(lead.get("tier").asText()).isNotBlank();
        assertThat(historicProcessVariables(beforeModel)).containsKeys("leadId", "tier")
                .doesNotContainKeys(MODEL_VARIABLES.toArray(String[]::new));
        assertThat(runtimeProcessVariables(beforeModel)).doesNotContainKeys(MODEL_VARIABLES.toArray(String[]::new));
    }

    /** A new prospect of the X Education export, as its web site posts it through the x-education source. */
    private static String xEducationLead() {
        return """
                {"Prospect ID": "%s", "Lead Origin": "Landing Page Submission", "Lead Source": "Google",
                 "Do Not Email": "No", "Do Not Call": "No", "TotalVisits": "4",
                 "Total Time Spent on Website": "1490", "Page Views Per Visit": "4", "Last Activity": "Email Opened",
                 "Country": "India", "Specialization": "Finance Management",
                 "What is your current occupation": "Working Professional", "City": "Mumbai",
                 "A free copy of Mastering The Interview": "No"}
                """.formatted("xe-" + UUID.randomUUID());
    }

    /** The lead process's variables by name now; none when the process ended. */
    private Map<String, Object> runtimeProcessVariables(String leadId) {
        String processInstanceId = leads.findById(leadId).orElseThrow().getProcessInstanceId();
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        return running ? runtime.getVariables(processInstanceId) : Map.of();
    }

    /** The lead process's variables by name, from history (the process may have moved on or ended). */
    private Map<String, Object> historicProcessVariables(String leadId) {
        String processInstanceId = leads.findById(leadId).orElseThrow().getProcessInstanceId();
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (variable.getTaskId() == null) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }

    private static String[] words(JsonNode factors) {
        String[] words = new String[factors.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = factors.get(i).get("words").asText();
        }
        return words;
    }
}
