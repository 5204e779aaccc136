package io.leadrouter.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;

/**
 * BPMN "Qualify lead". The qualification and its reason are on the lead; as variables they serve
 * the gateway and the closing step right after, so they are transient.
 */
@Component
class QualifyLeadDelegate implements JavaDelegate {

    private final LeadQualification qualification;

    QualifyLeadDelegate(LeadQualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadQualification.Qualification result = qualification.qualify((String) execution.getVariable("leadId"));
        TransientVariables.set(execution, "qualification", result.qualification());
        TransientVariables.set(execution, "qualificationReason", result.reason());
    }
}
