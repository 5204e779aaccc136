package io.leadrouter.intake;

import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadVariables;

/**
 * BPMN "Apply review corrections": takes the reviewer's corrections from the Review lead form,
 * whose field keys are the names of the fields it lets them correct.
 */
@Component
class ApplyReviewCorrectionsDelegate implements JavaDelegate {

    private final LeadValidation validation;

    ApplyReviewCorrectionsDelegate(LeadValidation validation) {
        this.validation = validation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<LeadField, String> corrected = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.with(LeadField.Trait.CORRECTED_IN_REVIEW)) {
            Object value = execution.getVariable(field.fieldName());
            corrected.put(field, value == null ? null : value.toString());
        }
        Lead lead = validation.applyCorrections((String) execution.getVariable("leadId"), corrected);
        execution.setVariables(LeadVariables.display(lead));
        execution.setVariable("problems", lead.getProblems());
    }
}
