package io.leadrouter.process;

import static io.leadrouter.process.ProcessTimers.moveClockTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lead lives until its outcome: the follow-up part of {@code lead-routing.bpmn} with mocked
 * steps ({@link LifecycleMocks}). CONTACTED on Work lead (or on Handle escalated lead) leads into
 * "Follow up until outcome": Follow up lead with its follow-up date and reminder, "still working"
 * rounds, a final outcome, or the follow-up window closing the lead. Time moves with the engine
 * clock and timer jobs are executed by hand.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"lead-routing.bpmn", "work-lead.form", "handle-escalated-lead.form", "follow-up-lead.form"})
class FollowUpProcessTest {

    private static final String LEAD_ID = "lead-4711";
    private static final String TEAM = "east";
    private static final String REP = "carl.lin";
    private static final String MANAGER = "celia.rouche";
    /** Tuesday 10:00 in New York. */
    private static final Instant START = Instant.parse("2025-03-04T15:00:00Z");
    private static final Duration FOLLOW_UP_WINDOW = Duration.ofDays(60);

    ProcessEngine processEngine;
    ManagementService managementService;
    ProcessTimers timers;

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        managementService = processEngine.getManagementService();
        timers = new ProcessTimers(managementService);
        ClockUtil.setCurrentTime(Date.from(START));
        registerMocks();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void contactedLeadStaysWithTheRepAsAFollowUpOnTheDayTheyChose() {
        ProcessInstance pi = workLead();

        complete(task(pi), withVariables("outcome", "CONTACTED", "followUpAt", "2025-03-10"));

        assertThat(pi).hasPassedInOrder("WorkLead", "RecordOutcome", "LeadClosedGateway", "FollowUpJoin",
            "FollowUpStarted", "NextFollowUpJoin", "ScheduleFollowUp").isWaitingAt("FollowUpLead");
        assertThat(pi).hasNotPassed("LeadWorked");
        Task followUp = task(pi);
        assertThat(followUp).isAssignedTo(REP).hasCandidateUserAssociated(MANAGER).hasCandidateGroupAssociated(TEAM)
            .hasName("Follow up lead");
        Date chosen = Date.from(Instant.parse("2025-03-10T09:00:00Z"));
        assertThat(followUp.getFollowUpDate()).isEqualTo(chosen);
        assertThat(timers.timer(pi, "FollowUpDue").getDuedate()).as("the reminder").isEqualTo(chosen);
        assertThat(timers.timer(pi, "FollowUpWindowOver").getDuedate()).as("the follow-up window, counted from contact")
            .isEqualTo(Date.from(START.plus(FOLLOW_UP_WINDOW)));
        assertDeployedForm(followUp, "follow-up-lead");
        assertThat(runtimeService().getVariables(pi.getId())).as("the next round's form starts empty")
            .doesNotContainKeys("outcome", "outcomeNote", "followUpAt");
        assertThat(calls).endsWith("recordOutcome:CONTACTED", "scheduleFollowUp:2025-03-10T09:00:00Z");
    }

    @Test
    void withoutAChosenDayTheModelsDefaultApplies() {
        ProcessInstance pi = workLead();

        complete(task(pi), withVariables("outcome", "CONTACTED"));

        assertThat(task(pi).getFollowUpDate()).isEqualTo(Date.from(START.plus(Duration.ofDays(2))));
        assertThat(calls).endsWith("scheduleFollowUp:" + START.plus(Duration.ofDays(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONVERTED", "LOST", "DISQUALIFIED", "NURTURE"})
    void aFinalOutcomeOnWorkLeadClosesTheLeadWithoutFollowUp(String outcome) {
        ProcessInstance pi = workLead();

        complete(task(pi), withVariables("outcome", outcome));

        assertThat(pi).hasPassedInOrder("WorkLead", "RecordOutcome", "LeadClosedGateway", "LeadWorked").isEnded();
        assertThat(pi).hasNotPassed("FollowUpUntilOutcome", "FollowUpLead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONVERTED", "LOST", "DISQUALIFIED", "NURTURE"})
    void aFinalOutcomeOnFollowUpClosesTheLead(String outcome) {
        ProcessInstance pi = inFollowUp();

        complete(task(pi), withVariables("outcome", outcome));

        assertThat(pi).hasPassedInOrder("FollowUpLead", "RecordFollowUpOutcome", "FollowUpClosedGateway",
            "FollowUpOutcomeRecorded", "LeadClosedAfterFollowUp").isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count())
            .as("the reminder and the window went with the follow-up").isZero();
        assertThat(calls).endsWith("recordOutcome:" + outcome);
    }

    @Test
    void stillWorkingStartsTheNextRoundAndItsReminderFiresOnTheNewDay() {
        ProcessInstance pi = inFollowUp();
        Task firstRound = task(pi);
        moveClockTo(START.plus(Duration.ofDays(1)));

        complete(firstRound, withVariables("outcome", "CONTACTED", "outcomeNote", "Call back after the board meeting",
            "followUpAt", "2025-03-20"));

        assertThat(pi).isWaitingAt("FollowUpLead");
        Task secondRound = task(pi);
        assertThat(secondRound.getId()).isNotEqualTo(firstRound.getId());
        assertThat(secondRound).isAssignedTo(REP);
        Date nextDay = Date.from(Instant.parse("2025-03-20T09:00:00Z"));
        assertThat(secondRound.getFollowUpDate()).isEqualTo(nextDay);
        assertThat(timers.timer(pi, "FollowUpDue").getDuedate()).isEqualTo(nextDay);
        assertThat(timers.timer(pi, "FollowUpWindowOver").getDuedate()).as("still counted from the first contact")
            .isEqualTo(Date.from(START.plus(FOLLOW_UP_WINDOW)));
        assertThat(calls).containsSubsequence("recordOutcome:CONTACTED", "scheduleFollowUp:2025-03-20T09:00:00Z");

        moveClockTo(nextDay.toInstant().plusSeconds(1));
        assertThat(timers.due(pi)).extracting(Job::getId).containsExactly(timers.timer(pi, "FollowUpDue").getId());
        managementService.executeJob(timers.timer(pi, "FollowUpDue").getId());

        assertThat(pi).hasPassedInOrder("FollowUpDue", "RecordFollowUpDue", "RemindToFollowUp", "RemindedToFollowUp");
        assertThat(pi).isWaitingAt("FollowUpLead");
        assertThat(task(pi).getId()).as("the rep keeps the task").isEqualTo(secondRound.getId());
        assertThat(calls).endsWith("recordFollowUpDue", "notify:FOLLOW_UP_DUE");
        assertThat(timers.timer(pi, "FollowUpDue")).as("one reminder a round").isNull();
    }

    @Test
    void theFollowUpWindowClosesALeadWithoutAFinalOutcomeAsTheModelSays() {
        ProcessInstance pi = inFollowUp();
        Task followUp = task(pi);

        moveClockTo(START.plus(FOLLOW_UP_WINDOW).plusSeconds(1));
        managementService.executeJob(timers.timer(pi, "FollowUpDue").getId());
        managementService.executeJob(timers.timer(pi, "FollowUpWindowOver").getId());

        assertThat(pi).hasPassedInOrder("FollowUpWindowOver", "CloseAfterFollowUpWindow", "LeadClosedAfterWindow");
        assertThat(pi).isEnded().hasNotPassed("RecordFollowUpOutcome");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(followUp.getId()).count()).isZero();
        assertThat(calls).endsWith("closeAfterFollowUpWindow:NURTURE");
    }

    @Test
    void anEscalatedLeadContactedByItsManagerIsFollowedUpByThatManager() {
        Map<String, Object> variables = new HashMap<>(leadVariables());
        variables.put("manager", MANAGER);
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("leadRouting").businessKey(LEAD_ID)
            .startBeforeActivity("HandleEscalatedLead").setVariables(variables).execute();
        assertThat(task(pi)).isAssignedTo(MANAGER);

        complete(task(pi), withVariables("outcome", "CONTACTED", "outcomeNote", "Called them myself"));

        assertThat(pi).hasPassedInOrder("HandleEscalatedLead", "RecordEscalatedOutcome",
            "EscalatedLeadClosedGateway", "FollowUpJoin", "ScheduleFollowUp").isWaitingAt("FollowUpLead");
        assertThat(pi).hasNotPassed("EscalatedLeadHandled");
        assertThat(task(pi)).as("not the rep who let the deadline pass").isAssignedTo(MANAGER);
    }

    @Test
    void anEscalatedLeadClosedByItsManagerEndsAsBefore() {
        Map<String, Object> variables = new HashMap<>(leadVariables());
        variables.put("manager", MANAGER);
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("leadRouting").businessKey(LEAD_ID)
            .startBeforeActivity("HandleEscalatedLead").setVariables(variables).execute();

        complete(task(pi), withVariables("outcome", "LOST", "lostReason", "PRICE"));

        assertThat(pi).hasPassedInOrder("RecordEscalatedOutcome", "EscalatedLeadClosedGateway", "EscalatedLeadHandled")
            .isEnded().hasNotPassed("FollowUpUntilOutcome");
    }

    @Test
    void aFollowUpReassignedByHandGoesToTheNewRepWithItsDateReminderAndWindow() {
        ProcessInstance pi = inFollowUp();
        Task carls = task(pi);
        Date followUpDate = carls.getFollowUpDate();
        Date windowOver = timers.timer(pi, "FollowUpWindowOver").getDuedate();
        moveClockTo(START.plus(Duration.ofDays(1)));

        runtimeService().createMessageCorrelation("leadReassignmentRequested").processInstanceBusinessKey(LEAD_ID)
            .setVariable("reassignTo", "vicki.laflamme").setVariable("reassignedBy", MANAGER).correlate();

        assertThat(pi).hasPassedInOrder("FollowUpLead", "FollowUpReassignmentRequested", "HandFollowUpToNamedRep",
            "NotifyNewFollowUpHolder", "FollowUpHolderKnownJoin").isWaitingAt("FollowUpLead");
        assertThat(pi).hasNotPassed("RecordFollowUpOutcome");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
            .activityId("StartResponseClock").count()).as("no new response clock: the lead was responded to")
            .isEqualTo(1);
        Task vickis = task(pi);
        assertThat(vickis.getId()).isNotEqualTo(carls.getId());
        assertThat(vickis).isAssignedTo("vicki.laflamme").hasCandidateUserAssociated(MANAGER);
        assertThat(vickis.getFollowUpDate()).as("the same follow-up date").isEqualTo(followUpDate);
        assertThat(timers.timer(pi, "FollowUpDue").getDuedate()).as("the reminder, on that date").isEqualTo(followUpDate);
        assertThat(timers.timer(pi, "FollowUpWindowOver").getDuedate()).as("the window still counts from contact")
            .isEqualTo(windowOver);
        assertThat(calls).as("the new holder is told, as every newly assigned rep")
            .endsWith("reassignToNamedRep:vicki.laflamme by " + MANAGER, "notify:ASSIGNED");
        assertThat(calls).as("the date stays, it is not scheduled again")
            .filteredOn(call -> call.startsWith("scheduleFollowUp:")).hasSize(1);
    }

    @Test
    void everyTaskThatAsksAnOutcomeGetsTheLostReasonsAndFollowUpItsHistoryAndItsDateListener() {
        BpmnModelInstance model = processEngine.getRepositoryService().getBpmnModelInstance(
            processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("leadRouting")
                .latestVersion().singleResult().getId());

        for (String task : List.of("WorkLead", "HandleEscalatedLead", "FollowUpLead")) {
            assertThat(listeners(model, task)).as(task).contains("create ${outcomeFormListener}");
        }
        assertThat(listeners(model, "FollowUpLead")).contains("create ${showLeadHistoryListener}",
            "update ${followUpDateListener}");
        assertThat(listeners(model, "HandleEscalatedLead")).contains("complete ${escalatedLeadFollowUpListener}");
        UserTask followUp = model.getModelElementById("FollowUpLead");
        assertThat(followUp.getCamundaFormRef()).isEqualTo("follow-up-lead");
        assertThat(followUp.getCamundaAssignee()).isEqualTo("${owner}");
        assertThat(followUp.getCamundaFollowUpDate()).isEqualTo("${followUpDate}");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Map<String, Object> leadVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadId", LEAD_ID);
        variables.put("owner", REP);
        variables.put("team", TEAM);
        return variables;
    }

    /** A lead given to the rep, as routing leaves it: waiting at Work lead. */
    private ProcessInstance workLead() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("leadRouting").businessKey(LEAD_ID)
            .startBeforeActivity("StartResponseClock").setVariables(leadVariables()).execute();
        assertThat(pi).isWaitingAt("WorkLead");
        return pi;
    }

    /** A lead the rep contacted at {@link #START}, waiting at Follow up lead with the default date. */
    private ProcessInstance inFollowUp() {
        ProcessInstance pi = workLead();
        complete(task(pi), withVariables("outcome", "CONTACTED"));
        assertThat(pi).isWaitingAt("FollowUpLead");
        return pi;
    }

    private static List<String> listeners(BpmnModelInstance model, String taskId) {
        UserTask task = model.getModelElementById(taskId);
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
            .map(listener -> listener.getCamundaEvent() + " " + listener.getCamundaDelegateExpression())
            .toList();
    }

    private void assertDeployedForm(Task task, String formId) {
        try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"" + formId + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void registerMocks() {
        LifecycleMocks.register(calls);
        Mocks.register("startResponseClockDelegate", (JavaDelegate) execution -> {
            // far ahead: no response clock timer fires in these tests
            execution.setVariable("slaReminderDate", Date.from(START.plus(Duration.ofDays(3650))));
            execution.setVariable("slaDueDate", Date.from(START.plus(Duration.ofDays(3651))));
        });
        Mocks.register("requestNotificationDelegate", (JavaDelegate) execution ->
            calls.add("notify:" + local(execution, "notification")));
        Mocks.register("leadTaskReaders", new TaskReadersStub(MANAGER));
        Mocks.register("showLeadOnCard", (TaskListener) task -> { });
        Mocks.register("reassignToNamedRepDelegate", (JavaDelegate) execution -> {
            calls.add("reassignToNamedRep:" + execution.getVariable("reassignTo") + " by "
                + execution.getVariable("reassignedBy"));
            execution.setVariable("owner", execution.getVariable("reassignTo"));
        });
    }

    private static String local(DelegateExecution execution, String name) {
        return (String) execution.getVariableLocal(name);
    }
}
