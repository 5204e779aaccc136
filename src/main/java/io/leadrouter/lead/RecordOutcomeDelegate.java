package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * BPMN "Record outcome" and "Record manager's outcome": what the rep (or manager) chose on the
 * form. The lead is the process's business key, not the {@code leadId} variable: whoever completes
 * a task may send any variables with it, and must not be able to record an outcome on another lead.
 */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    RecordOutcomeDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            lifecycle.recordOutcome(execution.getProcessBusinessKey(), text(execution, "outcome"),
                    text(execution, "outcomeNote"));
        } catch (IllegalArgumentException invalid) {
            // what the person completing the task sent: a form error, which /engine-rest answers 400
            // (any other engine exception is a 500) and Tasklist shows; nothing is completed
            throw new FormFieldValidationException(null, invalid.getMessage());
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + " must be text");
        }
        return (String) value;
    }
}
