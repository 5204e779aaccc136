package io.leadrouter.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadVariables;

/**
 * BPMN "Validate and normalise lead". Stores what the lead's forms show; whether the lead's
 * problems hold it for review is decided after scoring ({@link DecideReviewDelegate}).
 * {@code duplicateOf} is read only by the gateway right after, so it is transient.
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
        validation.validate(leadId);
        Lead lead = leads.require(leadId);
        execution.setVariables(LeadVariables.display(lead));
        TransientVariables.set(execution, "duplicateOf", validation.openLeadToMergeInto(leadId).orElse(null));
    }
}
