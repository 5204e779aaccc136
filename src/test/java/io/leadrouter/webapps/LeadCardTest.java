package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.leadrouter.DecisionTables;

/**
 * The card of a lead's task, without the application: every user task of the lead process gives
 * its card (the lifecycle's tasks included), the modelers' priorities rank HOT leads first, and a
 * card shows the values the lead has.
 */
class LeadCardTest {

    private static final DmnDecision PRIORITY = DecisionTables.parse("task-priority.dmn", TaskPriorities.DECISION);

    @Test
    void everyUserTaskOfTheLeadProcessShowsTheLeadOnItsCard() {
        BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/lead-routing.bpmn"));

        List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));

        assertThat(userTasks).extracting(UserTask::getId)
                .contains("WorkLead", "HandleEscalatedLead", "ReviewLead", "AssignLeadManually");
        assertThat(userTasks).allSatisfy(task -> assertThat(task.getExtensionElements()
                .getElementsQuery().filterByType(CamundaTaskListener.class).list())
                .as("%s: camunda:taskListener event=create delegateExpression=${showLeadOnCard}", task.getId())
                .anySatisfy(listener -> {
                    assertThat(listener.getCamundaEvent()).isEqualTo("create");
                    assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${showLeadOnCard}");
                }));
    }

    @ParameterizedTest(name = "{0} leads: priority {1}")
    @CsvSource(nullValues = "none", value = {
        "HOT,     90",
        "WARM,    60",
        "COLD,    30",
        "none,    30",
        "UNKNOWN, 30",
    })
    void hotLeadsRankAboveWarmAboveCold(String tier, int priority) {
        DmnDecisionResult result = DecisionTables.ENGINE.evaluateDecision(PRIORITY, Variables.createVariables()
                .putValue("tier", tier).putValue("score", 50).putValue("task", "WorkLead"));

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("priority");
        assertThat(((Number) result.getSingleResult().getEntry("priority")).intValue()).isEqualTo(priority);
    }

    @Test
    void aCardShowsTheValuesTheLeadHasUnderNamesOfItsOwn() {
        Map<String, Object> process = new HashMap<>();
        process.put("leadName", "Ada Byron");
        process.put("company", null);
        process.put("tier", "HOT");
        process.put("score", 87);
        process.put("email", "ada@analytical-engines.com");

        Map<String, Object> card = LeadCard.of(process::get);

        assertThat(card).containsExactly(Map.entry("cardLeadName", "Ada Byron"), Map.entry("cardTier", "HOT"),
                Map.entry("cardScore", 87));
        assertThat(LeadCard.filterColumns()).extracting(column -> column.get("label"))
                .containsExactly("Lead", "Tier", "Company", "Score", "Conversion");
        process.put("conversionProbabilityText", "72 %");
        assertThat(LeadCard.of(process::get)).as("scored by a published model")
                .containsEntry("cardConversion", "72 %").hasSize(4);
        assertThat(LeadCard.FIELDS).extracting(LeadCard.Field::variable)
                .as("no form field writes into a card").doesNotContainAnyElementsOf(LeadCard.sources());
    }
}
