package io.leadrouter.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Merge into open lead": the lead duplicates the open lead {@code duplicateOf}. */
@Component
class MergeLeadDelegate implements JavaDelegate {

    private final LeadLifecycle lifecycle;

    MergeLeadDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.merge((String) execution.getVariable("leadId"), (String) execution.getVariable("duplicateOf"));
    }
}
