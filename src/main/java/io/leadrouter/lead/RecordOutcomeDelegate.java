package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        lifecycle.recordOutcome(execution.getProcessBusinessKey(), (String) execution.getVariable("outcome"),
                (String) execution.getVariable("outcomeNote"));
    }
}
