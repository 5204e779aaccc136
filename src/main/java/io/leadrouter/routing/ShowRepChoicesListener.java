package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.JsonVariables;

/**
 * Task listener "create" and "assignment" of "Assign lead manually" and "Handle escalated lead":
 * gives the form's rep select its choices ({@link RepChoices}, the lead's team first) as the
 * task's own JSON variable {@code repChoices} (the select's "Input data"; gone with the task).
 * Again on assignment, so that whoever claims the task chooses from availability and load as
 * they are then, not as they were when the lead arrived.
 */
@Component("showRepChoices")
class ShowRepChoicesListener implements TaskListener {

    static final String REP_CHOICES = "repChoices";

    private final RepChoices choices;

    ShowRepChoicesListener(RepChoices choices) {
        this.choices = choices;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(REP_CHOICES, JsonVariables.json(choices.asOptions((String) task.getVariable("team"))));
    }
}
