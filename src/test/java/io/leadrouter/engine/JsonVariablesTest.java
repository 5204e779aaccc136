package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * JSON variables ({@link JsonVariables}): what Tasklist reads as a form's data (a select's options
 * from a variable), and nothing more. A value marked JSON is stored as JSON text; any stored JSON
 * is read back as plain lists and maps whatever class name it claims; an unmarked list is not
 * taken for JSON.
 */
@IntegrationTest
class JsonVariablesTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void tasklistReadsWorkLeadsLostReasonsAsJson() throws Exception {
        String lead = driver.submitLead("""
                {"firstName": "Jay", "lastName": "Son", "email": "jay@json-%1$s.com", "company": "Json %1$s",
                 "country": "US", "state": "CA", "industry": "technology", "employees": 2500,
                 "annualRevenue": 250000000, "product": "GTX Pro", "source": "Reference"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();
        Task work = driver.taskOf(lead);
        try {
            // what Tasklist asks for a Camunda Form's data
            JsonNode variables = driver.admin().getForObject(
                    "/engine-rest/task/" + work.getId() + "/form-variables?deserializeValues=false", JsonNode.class);

            JsonNode reasons = variables.get("lostReasons");
            assertThat(reasons.get("type").asText()).isEqualTo("Object");
            assertThat(reasons.get("valueInfo").get("serializationDataFormat").asText()).isEqualTo("application/json");
            JsonNode options = new ObjectMapper().readTree(reasons.get("value").asText());
            assertThat(options.findValuesAsText("value")).startsWith("PRICE", "COMPETITOR");
            assertThat(options.get(0).get("label").asText()).isEqualTo("Price or budget");
        } finally {
            runtime.deleteProcessInstance(work.getProcessInstanceId(), "test over", true, true);
        }
    }

    @Test
    void storedJsonIsReadAsPlainDataWhateverClassItNames() {
        Task task = tasks.newTask();
        tasks.saveTask(task);
        try {
            tasks.setVariableLocal(task.getId(), "claimsAFile", Variables.serializedObjectValue("{\"path\": \"/etc\"}")
                    .serializationDataFormat(JsonVariables.FORMAT).objectTypeName("java.io.File").create());
            tasks.setVariableLocal(task.getId(), "options", JsonVariables.json(List.of(Map.of("value", "A"))));

            assertThat(tasks.getVariableLocal(task.getId(), "claimsAFile")).isEqualTo(Map.of("path", "/etc"));
            assertThat(tasks.getVariableLocal(task.getId(), "options")).isEqualTo(List.of(Map.of("value", "A")));
            tasks.setVariableLocal(task.getId(), "unmarked", new ArrayList<>(List.of("a")));
            ObjectValue unmarked = tasks.getVariableLocalTyped(task.getId(), "unmarked", false);
            assertThat(unmarked.getSerializationDataFormat()).as("a list without the JSON format is no JSON variable")
                    .isNotEqualTo(JsonVariables.FORMAT);
            assertThatThrownBy(() -> JsonVariables.json("text")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }
}
