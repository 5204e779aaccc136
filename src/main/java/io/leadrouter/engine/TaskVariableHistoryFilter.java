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
 * Keeps the task variables the features declare {@link HistoryFreeTaskVariables history-free} out of
 * Camunda's history: every lead that reaches a rep would otherwise write a history row for each
 * card copy and for its outcome form's list of lost reasons (a byte array too), and update each when
 * the task ends, in the routing transaction. Everything else goes to the history as configured.
 * Only task-local variables are filtered: a process variable of the same name is recorded.
 */
@Component
class TaskVariableHistoryFilter extends AbstractProcessEnginePlugin {

    private final Set<String> names = new HashSet<>();

    TaskVariableHistoryFilter(List<HistoryFreeTaskVariables> declared) {
        declared.forEach(variables -> names.addAll(variables.names()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(recording(configuration), Set.copyOf(names)));
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
        private final Set<String> names;

        Filter(HistoryEventHandler recording, Set<String> names) {
            this.recording = recording;
            this.names = names;
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
            return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
                    && names.contains(variable.getVariableName());
        }
    }
}
