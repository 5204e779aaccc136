package io.leadrouter.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadVariables;

/** BPMN "Apply review corrections": takes the reviewer's corrections from the Review lead form. */
@Component
class ApplyReviewCorrectionsDelegate implements JavaDelegate {

    private final LeadValidation validation;

    ApplyReviewCorrectionsDelegate(LeadValidation validation) {
        this.validation = validation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadValidation.ReviewCorrections corrections = new LeadValidation.ReviewCorrections(
                text(execution, "firstName"), text(execution, "lastName"), text(execution, "email"),
                text(execution, "phone"), text(execution, "company"), text(execution, "country"),
                text(execution, "state"), text(execution, "city"));
        Lead lead = validation.applyCorrections((String) execution.getVariable("leadId"), corrections);
        execution.setVariables(LeadVariables.display(lead));
        execution.setVariable("problems", lead.getProblems());
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
