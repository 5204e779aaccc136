package io.leadrouter.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;

/**
 * BPMN "Qualify lead". The qualification and its reason are on the lead; as variables they serve
 * the gateway and the closing step right after, so they are transient. The gateway compares the
 * qualification's name ({@code ${qualification == 'NURTURE'}}).
 */
@Component
class QualifyLeadDelegate implements JavaDelegate {

    private final LeadQualifier qualifier;

    QualifyLeadDelegate(LeadQualifier qualifier) {
        this.qualifier = qualifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadQualifier.Qualified result = qualifier.qualify((String) execution.getVariable("leadId"));
        TransientVariables.set(execution, "qualification",
                result.qualification() == null ? null : result.qualification().name());
        TransientVariables.set(execution, "qualificationReason", result.reason());
    }
}
