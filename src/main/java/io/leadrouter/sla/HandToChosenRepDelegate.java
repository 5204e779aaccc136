package io.leadrouter.sla;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.leadrouter.routing.LeadRouting;
import io.leadrouter.routing.RepChoices;
import io.leadrouter.web.InvalidRequestException;

/**
 * BPMN "Hand to chosen rep", after "Handle escalated lead" when the manager chose "Hand to a rep"
 * ({@code outcome} {@value #HAND_TO_REP}): gives the escalated lead to the rep picked from the
 * form's list ({@code handTo}, {@link RepChoices}) through Lead Router's reassignment
 * ({@link Reassignments}: owner, credit and routing explanation move, the reason
 * {@code handOverReason} is kept), then the process starts the rep's fresh clock and Work lead.
 * A rep routing would leave out needs the form's override ({@code overrideAvailability}), which
 * the lead's timeline records. A bad choice is a form error: the task stays open. Removes the
 * form's values, so the new rep's Work lead form starts empty.
 */
@Component
class HandToChosenRepDelegate implements JavaDelegate {

    static final String HAND_TO_REP = "HAND_TO_REP";
    static final String HAND_TO = "handTo";
    static final String REASON = "handOverReason";
    static final String OVERRIDE = "overrideAvailability";

    private final RepChoices choices;
    private final Reassignments reassignments;

    HandToChosenRepDelegate(RepChoices choices, Reassignments reassignments) {
        this.choices = choices;
        this.reassignments = reassignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = user == null ? null : user.getUserId();
        String leadId = execution.getProcessBusinessKey();
        LeadRouting.Outcome outcome;
        try {
            RepChoices.Choice choice = choices.check((String) execution.getVariable("team"),
                    (String) execution.getVariable(HAND_TO), Boolean.TRUE.equals(execution.getVariable(OVERRIDE)));
            Object reason = execution.getVariable(REASON);
            Reassignments.Request request = new Reassignments.Request(leadId, choice.repId(), by,
                    reason instanceof String text ? text : null);
            reassignments.check(request);
            outcome = reassignments.reassign(request);
            choices.recordOverride(leadId, choice, by);
        } catch (InvalidRequestException refused) {
            throw new FormFieldValidationException(null, refused.getMessage());
        }
        execution.removeVariables(List.of("outcome", "outcomeNote", HAND_TO, REASON, OVERRIDE));
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        execution.setVariable("strategy", outcome.strategy());
    }
}
