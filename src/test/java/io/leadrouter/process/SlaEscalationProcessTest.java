package io.leadrouter.process;

import static io.leadrouter.process.ProcessTimers.moveClockTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The escalation path of {@code lead-routing.bpmn} with mocked delegates: the reminder before
 * the deadline, reassignment at the breach, and the manager when the reassignments are used up
 * or nobody is left. Time moves with the engine clock and the timer jobs are executed by hand.
 * Each test starts at "Start response clock" with a rep known, as routing leaves the lead.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"lead-routing.bpmn", "work-lead.form", "handle-escalated-lead.form",
    "follow-up-lead.form"})
class SlaEscalationProcessTest {

    private static final String LEAD_ID = "lead-4711";
    private static final String TEAM = "east";
    private static final String FIRST_REP = "carl.lin";
    private static final String MANAGER = "celia.rouche";
    /** Tuesday 10:00 in New York. */
    private static final Instant START = Instant.parse("2025-03-04T15:00:00Z");
    private static final Duration RESPONSE_TIME = Duration.ofMinutes(15);
    private static final Duration REMINDER_AFTER = Duration.ofSeconds(675);

    ProcessEngine processEngine;
    ManagementService managementService;
    ProcessTimers timers;

    /** Reps the reassignment mock hands out, in order; empty: nobody eligible is left. */
    private final Deque<String> nextReps = new ArrayDeque<>();
    private int maxReassignments;
    private int reassignments;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        managementService = processEngine.getManagementService();
        timers = new ProcessTimers(managementService);
        ClockUtil.setCurrentTime(Date.from(START));
        maxReassignments = 2;
        reassignments = 0;
        registerMocks();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void workLeadIsDueAtTheResponseDeadlineWithAReminderAndABreachTimer() {
        ProcessInstance pi = startResponseClock();

        assertThat(pi).isWaitingAt("WorkLead");
        assertThat(task(pi)).isAssignedTo(FIRST_REP).hasCandidateGroupAssociated(TEAM)
            .hasCandidateUserAssociated(MANAGER);
        assertThat(task(pi).getDueDate()).isEqualTo(Date.from(START.plus(RESPONSE_TIME)));
        assertThat(timers.timer(pi, "ReminderDue").getDuedate()).isEqualTo(Date.from(START.plus(REMINDER_AFTER)));
        assertThat(timers.timer(pi, "ResponseSlaBreached").getDuedate()).isEqualTo(Date.from(START.plus(RESPONSE_TIME)));
        assertThat(calls).containsExactly("startResponseClock:" + FIRST_REP, "notify:ASSIGNED");
    }

    @Test
    void reminderFiresBeforeTheDeadlineAndTheRepKeepsTheLead() {
        ProcessInstance pi = startResponseClock();
        Task workLead = task(pi);

        moveClockTo(START.plus(REMINDER_AFTER).plusSeconds(1));
        assertThat(timers.due(pi)).extracting(Job::getId).containsExactly(timers.timer(pi, "ReminderDue").getId());
        managementService.executeJob(timers.timer(pi, "ReminderDue").getId());

        assertThat(pi).hasPassedInOrder("ReminderDue", "RecordReminder", "RemindRep", "RepReminded");
        assertThat(pi).isWaitingAt("WorkLead").hasNotPassed("ResponseSlaBreached", "RecordSlaBreach");
        assertThat(task(pi).getId()).isEqualTo(workLead.getId());
        assertThat(task(pi)).isAssignedTo(FIRST_REP);
        assertThat(calls).endsWith("recordReminder", "notify:REMINDER");
        assertThat(timers.timer(pi, "ResponseSlaBreached")).as("the deadline still stands").isNotNull();
        assertThat(timers.timer(pi, "ReminderDue")).as("one reminder only").isNull();
    }

    @Test
    void repWhoRespondsInTimeStopsTheClock() {
        ProcessInstance pi = startResponseClock();
        moveClockTo(START.plus(Duration.ofMinutes(5)));

        complete(task(pi), withVariables("outcome", "CONTACTED"));

        assertThat(pi).hasPassedInOrder("WorkLead", "RecordOutcome", "LeadClosedGateway", "FollowUpJoin")
            .isWaitingAt("FollowUpLead").hasNotPassed("LeadWorked");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count())
            .as("the response clock's timers went with Work lead; the follow-up has its own").isEqualTo(2);
        assertThat(timers.timer(pi, "FollowUpDue")).isNotNull();
        assertThat(timers.timer(pi, "FollowUpWindowOver")).isNotNull();
        assertThat(calls).contains("recordOutcome:CONTACTED").doesNotContain("recordSlaBreach");
    }

    @Test
    void breachTakesTheLeadAwayAndReassignsItToAnotherRepWithAFreshClock() {
        nextReps.add("anna.snelling");
        ProcessInstance pi = startResponseClock();
        Task firstTask = task(pi);

        Instant breach = START.plus(RESPONSE_TIME).plusSeconds(1);
        moveClockTo(breach);
        managementService.executeJob(timers.timer(pi, "ResponseSlaBreached").getId());

        assertThat(pi).hasPassedInOrder("ResponseSlaBreached", "RecordSlaBreach", "ReassignmentsLeftGateway",
            "ReassignLead", "NewRepFoundGateway", "NotifyManagerOfReassignment", "OwnerKnownJoin");
        assertThat(pi).isWaitingAt("WorkLead").hasNotPassed("EscalateToManager");
        Task secondTask = task(pi);
        assertThat(secondTask.getId()).isNotEqualTo(firstTask.getId());
        assertThat(secondTask).isAssignedTo("anna.snelling");
        assertThat(secondTask.getDueDate()).as("a fresh clock for the new rep")
            .isEqualTo(Date.from(breach.plus(RESPONSE_TIME)));
        assertThat(pi).variables().containsEntry("previousOwner", FIRST_REP).containsEntry("owner", "anna.snelling");
        assertThat(calls).containsExactly("startResponseClock:" + FIRST_REP, "notify:ASSIGNED",
            "recordSlaBreach:" + FIRST_REP, "reassignLead", "notify:REASSIGNED",
            "startResponseClock:anna.snelling", "notify:ASSIGNED");
        // the first rep's timers went with their task: one reminder and one breach timer, both for the new rep
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(2);
    }

    @Test
    void afterTheMostReassignmentsTheNextBreachGoesToTheManager() {
        nextReps.addAll(List.of("anna.snelling", "violet.mclelland", "never.reached"));
        ProcessInstance pi = startResponseClock();

        breachNow(pi);
        assertThat(task(pi)).isAssignedTo("anna.snelling");
        breachNow(pi);
        assertThat(task(pi)).isAssignedTo("violet.mclelland");
        assertThat(pi).hasNotPassed("EscalateToManager");
        breachNow(pi);

        assertThat(pi).isWaitingAt("HandleEscalatedLead");
        assertThat(pi).hasPassedInOrder("RecordSlaBreach", "ReassignmentsLeftGateway", "EscalationJoin",
            "EscalateToManager", "NotifyManagerOfEscalation");
        assertThat(task(pi)).isAssignedTo(MANAGER).hasCandidateUserAssociated(MANAGER);
        assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
            .as("with a manager named, neither the other managers nor the team are candidates")
            .noneMatch(link -> link.getGroupId() != null);
        assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("HandleEscalatedLead");
        assertThat(nextReps).containsExactly("never.reached");
        assertThat(calls).endsWith("recordSlaBreach:violet.mclelland", "escalateToManager", "notify:ESCALATED");
        assertThat(calls).filteredOn("reassignLead"::equals).hasSize(2);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count())
            .as("no clock runs while the manager has the lead").isZero();

        complete(task(pi), withVariables("outcome", "CONVERTED", "outcomeNote", "Called them myself"));

        assertThat(pi).hasPassedInOrder("HandleEscalatedLead", "RecordEscalatedOutcome", "EscalatedLeadHandled");
        assertThat(pi).isEnded();
        assertThat(calls).endsWith("recordOutcome:CONVERTED");
    }

    @Test
    void withReassignmentSwitchedOffTheFirstBreachGoesToTheManager() {
        maxReassignments = 0;
        nextReps.add("anna.snelling");
        ProcessInstance pi = startResponseClock();

        breachNow(pi);

        assertThat(pi).isWaitingAt("HandleEscalatedLead").hasNotPassed("ReassignLead");
        assertThat(nextReps).containsExactly("anna.snelling");
    }

    @Test
    void whenNobodyEligibleIsLeftTheBreachGoesToTheManagerAtOnce() {
        ProcessInstance pi = startResponseClock();

        breachNow(pi);

        assertThat(pi).hasPassedInOrder("RecordSlaBreach", "ReassignmentsLeftGateway", "ReassignLead",
            "NewRepFoundGateway", "EscalationJoin", "EscalateToManager", "NotifyManagerOfEscalation");
        assertThat(pi).hasNotPassed("NotifyManagerOfReassignment");
        assertThat(pi).isWaitingAt("HandleEscalatedLead");
        assertThat(task(pi)).isAssignedTo(MANAGER).hasCandidateUserAssociated(MANAGER);
        assertThat(calls).containsSubsequence("reassignLead", "escalateToManager", "notify:ESCALATED");
    }

    @Test
    void withoutAKnownManagerAnyManagerCanTakeTheEscalatedLead() {
        ProcessInstance pi = startResponseClock();
        Mocks.register("escalateToManagerDelegate", (JavaDelegate) execution -> {
            execution.setVariable("manager", null);
            execution.setVariable("escalationReason", "no manager known");
        });

        breachNow(pi);

        assertThat(pi).isWaitingAt("HandleEscalatedLead");
        assertThat(task(pi)).isNotAssigned().hasCandidateGroup("managers");
    }

    @Test
    void reassignmentRequestedTakesTheTaskFromItsOwnerAndGivesTheNamedRepAFreshClock() {
        ProcessInstance pi = startResponseClock();
        Task firstTask = task(pi);
        Instant requested = START.plus(Duration.ofMinutes(5));
        moveClockTo(requested);

        requestReassignment("anna.snelling");

        assertThat(pi).hasPassedInOrder("WorkLeadReassignmentRequested", "ReassignmentRequestedJoin",
            "ReassignToNamedRep", "OwnerKnownJoin", "StartResponseClock", "NotifyRepOfLead");
        assertThat(pi).isWaitingAt("WorkLead").hasNotPassed("RecordSlaBreach", "RecordOutcome");
        Task secondTask = task(pi);
        assertThat(secondTask.getId()).as("a new task: nothing of the old one stays with the old rep")
            .isNotEqualTo(firstTask.getId());
        assertThat(secondTask).isAssignedTo("anna.snelling");
        assertThat(secondTask.getDueDate()).as("a fresh clock for the new rep")
            .isEqualTo(Date.from(requested.plus(RESPONSE_TIME)));
        assertThat(calls).containsExactly("startResponseClock:" + FIRST_REP, "notify:ASSIGNED",
            "reassignToNamedRep:anna.snelling by sam.ops", "startResponseClock:anna.snelling", "notify:ASSIGNED");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count())
            .as("the old rep's reminder and breach timers went with their task").isEqualTo(2);
        assertThat(runtimeService().getVariables(pi.getId())).as("the request is not kept in the process")
            .doesNotContainKeys("reassignTo", "reassignedBy", "reassignmentReason");
    }

    @Test
    void anEscalatedLeadCanBeHandedToARep() {
        maxReassignments = 0;
        ProcessInstance pi = startResponseClock();
        breachNow(pi);
        assertThat(pi).isWaitingAt("HandleEscalatedLead");

        requestReassignment("violet.mclelland");

        assertThat(pi).hasPassedInOrder("EscalatedLeadReassignmentRequested", "ReassignmentRequestedJoin",
            "ReassignToNamedRep", "StartResponseClock");
        assertThat(pi).isWaitingAt("WorkLead").hasNotPassed("RecordEscalatedOutcome");
        assertThat(task(pi)).isAssignedTo("violet.mclelland");
        assertThat(calls).endsWith("reassignToNamedRep:violet.mclelland by sam.ops",
            "startResponseClock:violet.mclelland", "notify:ASSIGNED");
    }

    @Test
    void theManagerHandsTheEscalatedLeadToARepFromTheFormWhoGetsAFreshClock() {
        maxReassignments = 0;
        ProcessInstance pi = startResponseClock();
        breachNow(pi);
        assertThat(pi).isWaitingAt("HandleEscalatedLead");
        Instant handedOver = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(30));
        moveClockTo(handedOver);

        complete(task(pi), withVariables("outcome", "HAND_TO_REP", "handTo", "violet.mclelland",
            "handOverReason", "knows the account"));

        assertThat(pi).hasPassedInOrder("HandleEscalatedLead", "HandedToRepGateway", "HandToChosenRep",
            "OwnerKnownJoin", "StartResponseClock", "NotifyRepOfLead");
        assertThat(pi).isWaitingAt("WorkLead").hasNotPassed("RecordEscalatedOutcome");
        assertThat(task(pi)).isAssignedTo("violet.mclelland");
        assertThat(task(pi).getDueDate()).as("a fresh clock").isEqualTo(Date.from(handedOver.plus(RESPONSE_TIME)));
        assertThat(calls).endsWith("handToChosenRep:violet.mclelland", "startResponseClock:violet.mclelland",
            "notify:ASSIGNED");
        assertThat(runtimeService().getVariables(pi.getId())).as("the new rep's form starts empty")
            .doesNotContainKeys("outcome", "handTo", "handOverReason");
    }

    @Test
    void anOutcomeOnTheEscalationFormIsRecordedAsBeforeAndHandsTheLeadToNobody() {
        maxReassignments = 0;
        ProcessInstance pi = startResponseClock();
        breachNow(pi);

        complete(task(pi), withVariables("outcome", "LOST", "lostReason", "BUDGET"));

        assertThat(pi).hasPassedInOrder("HandedToRepGateway", "RecordEscalatedOutcome", "EscalatedLeadHandled")
            .hasNotPassed("HandToChosenRep");
        assertThat(pi).isEnded();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** What {@code POST /api/leads/{id}/reassign} does once it has checked the request. */
    private void requestReassignment(String rep) {
        runtimeService().createMessageCorrelation("leadReassignmentRequested").processInstanceBusinessKey(LEAD_ID)
            .setVariable("reassignTo", Variables.stringValue(rep, true))
            .setVariable("reassignedBy", Variables.stringValue("sam.ops", true))
            .setVariable("reassignmentReason", Variables.stringValue("speaks the customer's language", true))
            .correlateWithResult();
    }

    private ProcessInstance startResponseClock() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadId", LEAD_ID);
        variables.put("owner", FIRST_REP);
        variables.put("team", TEAM);
        variables.put("strategy", "round-robin");
        return runtimeService().createProcessInstanceByKey("leadRouting").businessKey(LEAD_ID)
            .startBeforeActivity("StartResponseClock").setVariables(variables).execute();
    }

    /** Moves past the current deadline and runs the breach timer, as the job executor would. */
    private void breachNow(ProcessInstance pi) {
        Job breach = timers.timer(pi, "ResponseSlaBreached");
        moveClockTo(breach.getDuedate().toInstant().plusSeconds(1));
        managementService.executeJob(breach.getId());
    }

    private void registerMocks() {
        Mocks.register("startResponseClockDelegate", (JavaDelegate) execution -> {
            calls.add("startResponseClock:" + execution.getVariable("owner"));
            Instant now = ClockUtil.getCurrentTime().toInstant();
            execution.setVariable("slaReminderDate", Date.from(now.plus(REMINDER_AFTER)));
            execution.setVariable("slaDueDate", Date.from(now.plus(RESPONSE_TIME)));
        });
        Mocks.register("requestNotificationDelegate", (JavaDelegate) execution -> {
            calls.add("notify:" + local(execution, "notification"));
        });
        Mocks.register("recordReminderDelegate", (JavaDelegate) execution -> calls.add("recordReminder"));
        Mocks.register("recordSlaBreachDelegate", (JavaDelegate) execution -> {
            calls.add("recordSlaBreach:" + execution.getVariable("owner"));
            execution.setVariable("previousOwner", execution.getVariable("owner"));
            execution.setVariable("reassignmentsLeft", reassignments < maxReassignments);
        });
        Mocks.register("reassignLeadDelegate", (JavaDelegate) execution -> {
            calls.add("reassignLead");
            String next = nextReps.poll();
            if (next != null) {
                reassignments++;
                execution.setVariable("owner", next);
            }
            execution.setVariable("repFound", next != null);
        });
        Mocks.register("escalateToManagerDelegate", (JavaDelegate) execution -> {
            calls.add("escalateToManager");
            execution.setVariable("manager", MANAGER);
            execution.setVariable("escalationReason", "nobody responded");
        });
        LifecycleMocks.register(calls);
        Mocks.register("reassignToNamedRepDelegate", (JavaDelegate) execution -> {
            calls.add("reassignToNamedRep:" + execution.getVariable("reassignTo") + " by "
                + execution.getVariable("reassignedBy"));
            execution.setVariable("owner", execution.getVariable("reassignTo"));
        });
        Mocks.register("leadTaskReaders", new TaskReadersStub(MANAGER));
        // what a Tasklist card shows: webapps/ShowLeadOnCardListener, proven with the application
        Mocks.register("showLeadOnCard", (TaskListener) task -> { });
    }

    private static String local(DelegateExecution execution, String name) {
        assertThat(execution.getProcessInstance().hasVariableLocal(name)).as("%s leaks to the process", name).isFalse();
        return (String) execution.getVariableLocal(name);
    }
}
