package io.leadrouter.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

import io.leadrouter.sla.DueAtDeadlineListener;

/**
 * Stands in for the beans of a lead's outcome and follow-up in {@code lead-routing.bpmn} (their
 * own tests: {@code lead/FollowUpLifecycleTest} and {@code lead/LeadOutcomeApiTest}), doing what
 * the model relies on: "Record outcome" sets the transient {@code leadClosed}, "Schedule follow-up"
 * sets {@code followUpDate} (the chosen day at 09:00 UTC, else now + the model's default period),
 * the escalated task's complete listener makes its assignee the owner of the follow-up. Each step
 * (not the forms' create listeners) records what it ran with in the test's list of calls ({@code recordOutcome:CONTACTED},
 * {@code scheduleFollowUp:2025-03-10T09:00:00Z}).
 */
final class LifecycleMocks {

    private LifecycleMocks() {
    }

    static void register(List<String> calls) {
        Mocks.register("recordOutcomeDelegate", (JavaDelegate) execution -> {
            String outcome = (String) execution.getVariable("outcome");
            calls.add("recordOutcome:" + outcome);
            boolean closed = !"CONTACTED".equals(outcome);
            execution.setVariable("leadClosed", Variables.booleanValue(closed, true));
            if (!closed) {
                execution.removeVariables(List.of("outcome", "outcomeNote", "dealValue", "lostReason"));
            }
        });
        Mocks.register("scheduleFollowUpDelegate", (JavaDelegate) execution -> {
            Object chosen = execution.getVariable("followUpAt");
            Instant at = chosen == null
                    ? ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(
                            Period.parse((String) execution.getVariableLocal("defaultFollowUpAfter")).getDays()))
                    : LocalDate.parse((String) chosen).atTime(9, 0).toInstant(ZoneOffset.UTC);
            calls.add("scheduleFollowUp:" + at);
            execution.setVariable("followUpDate", Date.from(at));
            if (execution.hasVariable("followUpAt")) {
                execution.removeVariable("followUpAt");
            }
        });
        Mocks.register("recordFollowUpDueDelegate", (JavaDelegate) execution -> calls.add("recordFollowUpDue"));
        Mocks.register("closeAfterFollowUpWindowDelegate", (JavaDelegate) execution ->
                calls.add("closeAfterFollowUpWindow:" + local(execution, "closingOutcome")));
        // the forms' data: nothing the model routes on
        Mocks.register("outcomeFormListener", (TaskListener) task -> task.setVariableLocal("lostReasons", null));
        Mocks.register("showLeadHistoryListener", (TaskListener) task -> task.setVariableLocal("leadHistory", "…"));
        Mocks.register("followUpDateListener", (TaskListener) task -> calls.add("followUpDateChanged"));
        // sales ops' queues and the rep picker (routing/RepChoices, proven with the application)
        Mocks.register("showRepChoices", (TaskListener) task -> task.setVariableLocal("repChoices", null));
        Mocks.register("dueAtDeadline", new DueAtDeadlineListener());
        Mocks.register("recordQueueOverdueDelegate", (JavaDelegate) execution ->
                calls.add("recordQueueOverdue:" + execution.getCurrentActivityId()));
        Mocks.register("handToChosenRepDelegate", (JavaDelegate) execution -> {
            calls.add("handToChosenRep:" + execution.getVariable("handTo"));
            execution.setVariable("owner", execution.getVariable("handTo"));
            execution.removeVariables(List.of("outcome", "handTo", "handOverReason"));
        });
        Mocks.register("escalatedLeadFollowUpListener", (TaskListener) task -> {
            if ("CONTACTED".equals(task.getVariable("outcome"))) {
                task.setVariable("owner", task.getAssignee());
            }
        });
    }

    private static String local(DelegateExecution execution, String name) {
        return (String) execution.getVariableLocal(name);
    }
}
