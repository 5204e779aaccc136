package io.leadrouter.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Record SLA breach": sets {@code previousOwner} (the rep who missed the deadline) and
 * {@code reassignmentsLeft} for the gateway "Reassignments left?".
 */
@Component
class RecordSlaBreachDelegate implements JavaDelegate {

    private final ResponseClocks clocks;

    RecordSlaBreachDelegate(ResponseClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ResponseClocks.Breach breach = clocks.breach((String) execution.getVariable("leadId"));
        execution.setVariable("previousOwner", breach.rep());
        execution.setVariable("reassignmentsLeft", breach.reassignmentsLeft());
    }
}
