package io.leadrouter.lead;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.leadrouter.web.InvalidInputException;

/**
 * BPMN "Record outcome", "Record manager's outcome" and "Record follow-up outcome": what the rep
 * (or manager) chose on the form ({@code outcome}, {@code outcomeNote}, {@code dealValue},
 * {@code lostReason}, {@code followUpAt}), or what a CRM sent through the API, under the rules of
 * {@link LeadLifecycle}. Sets the transient {@code leadClosed} that the gateway after it reads.
 * A contacted lead goes on to follow-up, where each round's form starts empty: the values are
 * removed once recorded (the lead keeps them), all but {@code followUpAt}, which "Schedule
 * follow-up" reads next.
 *
 * <p>The lead is the process's business key, not the {@code leadId} variable: whoever completes a
 * task may send any variables with it, and must not be able to record an outcome on another lead.
 * For the same reason the timeline names the authenticated user who completed the task; the
 * transient {@code recordedBy} counts only when nobody is authenticated (the API completes the task
 * itself, after its own checks).
 */
@Component
class RecordOutcomeDelegate implements JavaDelegate {

    /** Transient: whether the outcome closed the lead (read by the gateway "Lead closed?"). */
    static final String LEAD_CLOSED = "leadClosed";

    /** Transient: who recorded the outcome, when the API completes the task for a CRM or a person. */
    static final String RECORDED_BY = "recordedBy";

    /** The versionTag of lead-routing.bpmn whose forms first ask a deal value and a lost reason. */
    static final int FIRST_VERSION_WITH_OUTCOME_VALUES = 6;

    private static final List<String> ROUND_VALUES = List.of("outcome", "outcomeNote", "dealValue", "lostReason");

    private final LeadLifecycle lifecycle;

    RecordOutcomeDelegate(LeadLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OutcomeReport report;
        try {
            report = OutcomeReport.read(execution.getVariable("outcome"), execution.getVariable("outcomeNote"),
                    execution.getVariable("dealValue"), execution.getVariable("lostReason"),
                    execution.getVariable("followUpAt"), OutcomeReport.FieldNames.FORM);
            lifecycle.recordOutcome(execution.getProcessBusinessKey(), report, recordedBy(execution),
                    (String) execution.getVariable("owner"), formsAskOutcomeValues(execution));
        } catch (InvalidInputException invalid) {
            // what the person completing the task sent: a form error, which /engine-rest answers 400
            // (any other engine exception is a 500) and Tasklist shows; nothing is completed
            throw new FormFieldValidationException(null, invalid.errors().stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        } catch (IllegalStateException closedMeanwhile) {
            throw new FormFieldValidationException(null, closedMeanwhile.getMessage());
        }
        boolean closed = report.outcome().closesLead();
        execution.setVariable(LEAD_CLOSED, Variables.booleanValue(closed, true));
        if (!closed) {
            execution.removeVariables(ROUND_VALUES);
        }
    }

    /**
     * Whether the instance's model has the forms that ask a deal value and a lost reason: version 6
     * of lead-routing.bpmn on. A lead still on a task of an earlier version closes without them.
     */
    static boolean formsAskOutcomeValues(DelegateExecution execution) {
        // the engine's cached definition: no query, and no authorization check for the user completing the task
        String versionTag = ((ExecutionEntity) execution).getProcessDefinition().getVersionTag();
        try {
            return versionTag == null || Integer.parseInt(versionTag.trim()) >= FIRST_VERSION_WITH_OUTCOME_VALUES;
        } catch (NumberFormatException notANumber) {
            return true;
        }
    }

    private static String recordedBy(DelegateExecution execution) {
        Authentication authenticated = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authenticated != null && authenticated.getUserId() != null) {
            return authenticated.getUserId();
        }
        Object sent = execution.getVariable(RECORDED_BY);
        return sent instanceof String user ? user : null;
    }
}
