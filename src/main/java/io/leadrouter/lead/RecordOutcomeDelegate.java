package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Record outcome": what the rep chose on the Work lead form. */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    RecordOutcomeDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.recordOutcome((String) execution.getVariable("leadId"), (String) execution.getVariable("outcome"),
                (String) execution.getVariable("outcomeNote"));
    }
}
