package io.leadrouter.engine;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts process instances and delivers messages to them, for features that must not know the
 * engine's API: plain keys and values in, plain ids and answers out.
 */
@Component
public class Processes {

    private final RuntimeService runtime;
    private final LatestDefinitions definitions;

    Processes(RuntimeService runtime, LatestDefinitions definitions) {
        this.runtime = runtime;
        this.definitions = definitions;
    }

    /**
     * Starts the latest deployed version of the process, in the caller's transaction; the new
     * instance's id. The latest version is known for a second at most (the engine's own by-key
     * start queries for it).
     */
    public String startLatest(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceById(definitions.process(processKey).id(), businessKey, variables).getId();
    }

    /**
     * Delivers the message to the instance with that business key, with the values as transient
     * variables (read by the step the message leads to, not stored with the process). False when
     * no instance waits for the message right now, or another transaction moved it meanwhile.
     */
    public boolean correlate(String message, String businessKey, Map<String, String> transientValues) {
        VariableMap variables = Variables.createVariables();
        transientValues.forEach((name, value) -> variables.putValueTyped(name, Variables.stringValue(value, true)));
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(businessKey)
                    .setVariables(variables).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException notWaiting) {
            return false;
        }
    }
}
