package io.leadrouter.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.leadrouter.web.InvalidRequestException;

/**
 * BPMN "Assign to chosen rep", right after "Assign lead manually": gives the lead (the business
 * key) to the rep sales ops chose ({@code owner}, from the form's list, {@link RepChoices}); a
 * rep routing would leave out needs the form's override ({@code overrideAvailability}), which the
 * lead's timeline records. Sets {@code owner}, {@code team}, {@code routingReason} and
 * {@code strategy} ({@code manual}).
 *
 * <p>A service task, not a complete listener: what a task listener throws reaches
 * {@code /engine-rest} as a 500, what a delegate throws as a form error is a 400 that Tasklist
 * shows, and the task stays open.
 */
@Component
class AssignToChosenRepDelegate implements JavaDelegate {

    static final String OVERRIDE = "overrideAvailability";

    private final RepChoices choices;
    private final LeadRouting routing;

    AssignToChosenRepDelegate(RepChoices choices, LeadRouting routing) {
        this.choices = choices;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = currentUser(execution);
        String leadId = execution.getProcessBusinessKey();
        LeadRouting.Outcome outcome;
        try {
            RepChoices.Choice choice = choices.check((String) execution.getVariable("team"),
                    (String) execution.getVariable("owner"), Boolean.TRUE.equals(execution.getVariable(OVERRIDE)));
            outcome = routing.assignManually(leadId, choice.repId(), by);
            choices.recordOverride(leadId, choice, by);
        } catch (InvalidRequestException refused) {
            throw new FormFieldValidationException(null, refused.getMessage());
        }
        execution.removeVariable(OVERRIDE);
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        execution.setVariable(RouteLeadDelegate.STRATEGY, outcome.strategy());
    }

    static String currentUser(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}
