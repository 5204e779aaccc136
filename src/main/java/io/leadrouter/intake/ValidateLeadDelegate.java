package io.leadrouter.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadVariables;

/**
 * BPMN "Validate and normalise lead". Stores what the lead's forms show; the review fields and
 * problems only for a lead that goes to Review lead. {@code needsReview} and
 * {@code duplicateOf} are read only by the gateways right after, so they are transient.
 */
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
        Lead lead = leads.require(leadId);
        execution.setVariables(LeadVariables.display(lead));
        if (result.needsReview()) {
            execution.setVariables(LeadVariables.review(lead));
        }
        TransientVariables.set(execution, "needsReview", result.needsReview());
        TransientVariables.set(execution, "duplicateOf", validation.openLeadToMergeInto(leadId).orElse(null));
    }
}
