package io.leadrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;

/** Which variable events reach Camunda's history: a history-free name only in its own scope. */
class TaskVariableHistoryFilterTest {

    private final List<HistoryEvent> recorded = new ArrayList<>();
    private final TaskVariableHistoryFilter.Filter filter = new TaskVariableHistoryFilter.Filter(
            new HistoryEventHandler() {
                @Override
                public void handleEvent(HistoryEvent event) {
                    recorded.add(event);
                }

                @Override
                public void handleEvents(List<HistoryEvent> events) {
                    recorded.addAll(events);
                }
            }, Set.of("cardTier"), Set.of("scoreFactorsText"));

    @Test
    void aHistoryFreeTaskVariableAndAHistoryFreeProcessVariableAreNotRecorded() {
        filter.handleEvents(List.of(variable("cardTier", "task-1"), variable("scoreFactorsText", null)));

        assertThat(recorded).isEmpty();
    }

    @Test
    void eachNameIsHistoryFreeOnlyInItsOwnScopeAndEverythingElseIsRecorded() {
        HistoryEvent processTier = variable("cardTier", null);
        HistoryEvent taskFactors = variable("scoreFactorsText", "task-1");
        HistoryEvent tier = variable("tier", null);
        HistoryEvent other = new HistoryEvent();

        filter.handleEvents(List.of(processTier, taskFactors, tier, other));

        assertThat(recorded).containsExactly(processTier, taskFactors, tier, other);
    }

    private static HistoryEvent variable(String name, String taskId) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        event.setTaskId(taskId);
        return event;
    }
}
