package io.leadrouter.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadVariables;

/** BPMN "Validate and normalise lead". */
@Component
class ValidateLeadDelegate implements JavaDelegate {

    private final LeadValidation validation;
    private final LeadRepository leads;

    ValidateLeadDelegate(LeadValidation validation, LeadRepository leads) {
        this.validation = validation;
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String leadId = (String) execution.getVariable("leadId");
        LeadNormaliser.Result result = validation.validate(leadId);
        execution.setVariables(LeadVariables.display(leads.require(leadId)));
        execution.setVariable("needsReview", result.needsReview());
        execution.setVariable("problems", result.problemText());
        execution.setVariable("duplicateOf", validation.openDuplicateOf(leadId).orElse(null));
    }
}
