package io.leadrouter.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the variables the features declare history-free out of Camunda's history: task variables
 * ({@link HistoryFreeTaskVariables}): every lead that reaches a rep would otherwise write a history
 * row for each card copy and for its outcome form's list of lost reasons (a byte array too), and
 * update each when the task ends, in the routing transaction; and process variables that copy what
 * the lead's row records, for the forms ({@link HistoryFreeProcessVariables}: a scored lead's
 * probability as words and its factors). Everything else goes to the history as configured. Each
 * name is filtered only in its own scope: a process variable named like a history-free task
 * variable is recorded, and the other way round.
 */
@Component
class TaskVariableHistoryFilter extends AbstractProcessEnginePlugin {

    private final Set<String> taskNames = new HashSet<>();
    private final Set<String> processNames = new HashSet<>();

    TaskVariableHistoryFilter(List<HistoryFreeTaskVariables> taskVariables,
                              List<HistoryFreeProcessVariables> processVariables) {
        taskVariables.forEach(variables -> taskNames.addAll(variables.names()));
        processVariables.forEach(variables -> processNames.addAll(variables.names()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(recording(configuration), Set.copyOf(taskNames),
                Set.copyOf(processNames)));
    }

    /** The handler the engine would use without this filter (its own initHistoryEventHandler). */
    private static HistoryEventHandler recording(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryEventHandler() != null) {
            return configuration.getHistoryEventHandler();
        }
        List<HistoryEventHandler> custom = configuration.getCustomHistoryEventHandlers();
        if (configuration.isEnableDefaultDbHistoryEventHandler()) {
            return custom == null ? new CompositeDbHistoryEventHandler() : new CompositeDbHistoryEventHandler(custom);
        }
        return custom == null ? new CompositeHistoryEventHandler() : new CompositeHistoryEventHandler(custom);
    }

    static final class Filter implements HistoryEventHandler {

        private final HistoryEventHandler recording;
        private final Set<String> taskNames;
        private final Set<String> processNames;

        Filter(HistoryEventHandler recording, Set<String> taskNames, Set<String> processNames) {
            this.recording = recording;
            this.taskNames = taskNames;
            this.processNames = processNames;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!historyFree(event)) {
                recording.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private boolean historyFree(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity variable
                    && (variable.getTaskId() != null ? taskNames : processNames).contains(variable.getVariableName());
        }
    }
}
