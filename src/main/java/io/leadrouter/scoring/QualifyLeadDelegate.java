package io.leadrouter.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Qualify lead". */
@Component
class QualifyLeadDelegate implements JavaDelegate {

    private final LeadQualification qualification;

    QualifyLeadDelegate(LeadQualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadQualification.Qualification result = qualification.qualify((String) execution.getVariable("leadId"));
        execution.setVariable("qualification", result.qualification());
        execution.setVariable("qualificationReason", result.reason());
    }
}
