package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A variable set transient steers the gateway right after it and is not stored; an instance
 * that already holds the variable as a stored one (started before) keeps it stored and updated.
 */
@ExtendWith(ProcessEngineExtension.class)
class TransientVariablesTest {

    ProcessEngine processEngine;

    private final BpmnModelInstance model = Bpmn.createExecutableProcess("transientTest")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Decide").camundaDelegateExpression("${decide}")
            .exclusiveGateway("Found").condition("yes", "${found}")
            .userTask("Work")
            .endEvent()
            .moveToLastGateway().condition("no", "${!found}")
            .userTask("Manual")
            .endEvent()
            .done();

    @BeforeEach
    void deploy() {
        Mocks.register("decide", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                TransientVariables.set(execution, "found", true));
        processEngine.getRepositoryService().createDeployment().addModelInstance("transient.bpmn", model).deploy();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        processEngine.getRepositoryService().createDeploymentQuery().list().forEach(deployment ->
                processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    }

    @Test
    void steersTheGatewayWithoutBeingStored() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("transientTest");

        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getTaskDefinitionKey()).isEqualTo("Work");
        assertThat(processEngine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("found");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("found").count()).isZero();
    }

    @Test
    void anInstanceHoldingTheVariableStoredKeepsItStored() {
        ProcessInstance instance = processEngine.getRuntimeService()
                .startProcessInstanceByKey("transientTest", Map.of("found", false));

        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getTaskDefinitionKey()).isEqualTo("Work");
        assertThat(processEngine.getRuntimeService().getVariables(instance.getId())).containsEntry("found", true);
    }
}
