package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.JsonVariables;

/**
 * On creating Work lead, Handle escalated lead or Follow up lead: gives the task its form's choice
 * of lost reasons, the modelers' current list ({@link LostReasons}), as the task's own JSON
 * variable {@code lostReasons} (the select's "Input data"; gone with the task).
 */
@Component
class OutcomeFormListener implements TaskListener {

    static final String LOST_REASONS = "lostReasons";

    private final LostReasons lostReasons;

    OutcomeFormListener(LostReasons lostReasons) {
        this.lostReasons = lostReasons;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(LOST_REASONS, JsonVariables.json(lostReasons.asOptions()));
    }
}
