package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.HistoryFreeTaskVariables;
import io.leadrouter.engine.JsonVariables;

/**
 * On creating Work lead, Handle escalated lead or Follow up lead: gives the task its form's choice
 * of lost reasons, the modelers' current list ({@link LostReasons}), as the task's own JSON
 * variable {@code lostReasons} (the select's "Input data"; gone with the task, and not in Camunda's
 * history: the list is the DMN's, and the outcome chosen is in the lead's timeline).
 */
@Component
class OutcomeFormListener implements TaskListener {

    static final String LOST_REASONS = "lostReasons";

    private final LostReasons lostReasons;

    OutcomeFormListener(LostReasons lostReasons) {
        this.lostReasons = lostReasons;
    }

    @Bean
    static HistoryFreeTaskVariables lostReasonsList() {
        return new HistoryFreeTaskVariables(Set.of(LOST_REASONS));
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(LOST_REASONS, JsonVariables.json(lostReasons.asOptions()));
    }
}
