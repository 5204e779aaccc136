package io.leadrouter.process;

import static io.leadrouter.process.ProcessTimers.moveClockTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Walks every path of {@code processes/lead-routing.bpmn} with mocked delegates: the real
 * delegates are Spring beans tested on their own, here only the routing of the model is proven.
 * Each mock records what it ran with (e.g. {@code closeLead:DISQUALIFIED}) in {@link #calls}.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"lead-routing.bpmn", "review-lead.form", "assign-lead.form", "work-lead.form",
    "handle-escalated-lead.form", "follow-up-lead.form"})
class LeadRoutingProcessTest {

  private static final String PROCESS_KEY = "leadRouting";
  private static final String LEAD_ID = "lead-4711";
  private static final String TEAM = "sales-emea";
  private static final String ROUND_ROBIN_REP = "anna.snelling";
  private static final String DIRECT_REP = "piet.jansen";
  private static final String OPEN_LEAD_ID = "lead-0815";
  /** The response clock (its own tests: SlaEscalationProcessTest): far ahead, so no timer fires here. */
  private static final Date SLA_REMINDER = Date.from(Instant.parse("2099-01-05T09:11:15Z"));
  private static final Date SLA_DUE = Date.from(Instant.parse("2099-01-05T09:15:00Z"));

  private static final String ELEMENT_TEMPLATES = "processes/.camunda/element-templates/route-strategies.json";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** When a queue test's lead arrives. */
  private static final Instant QUEUE_START = Instant.parse("2025-03-04T15:00:00Z");

  ProcessEngine processEngine;
  ProcessTimers timers;

  /** What the mocks return; each test changes only what its rule is about. */
  private boolean heldForReview;
  private String qualification;
  private String strategy;
  private boolean repFound;
  private boolean validationFails;
  private String duplicateOf;

  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    timers = new ProcessTimers(processEngine.getManagementService());
    heldForReview = false;
    qualification = "SALES_READY";
    strategy = "round-robin";
    repFound = true;
    validationFails = false;
    duplicateOf = null;
    registerMocks();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void cleanLeadIsRoutedRoundRobinToTeamRepWhoRecordsTheOutcome() {
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(pi).hasPassedInOrder("LeadReceived", "ValidateLead", "ScoreLead", "DecideReview", "QualifyLead",
        "ChooseRoute", "RouteLead", "RepFoundGateway");
    assertThat(pi).hasPassedInOrder("ValidateLead", "DuplicateGateway", "ScoringJoin", "ScoreLead", "DecideReview",
        "HeldForReviewGateway", "QualifyLead");
    assertThat(pi).hasNotPassed("MergeLead", "ReviewLead", "ApplyReviewCorrections", "AssignLeadManually");
    assertThat(task()).isAssignedTo(ROUND_ROBIN_REP).hasCandidateGroupAssociated(TEAM)
        .hasCandidateUserAssociated("celia.rouche");
    assertThat(task().getDueDate()).as("Tasklist sorts by the response deadline").isEqualTo(SLA_DUE);
    assertDeployedForm("work-lead");
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:not held", "qualifyLead",
        "chooseRoute", "routeLead:round-robin", "startResponseClock:" + ROUND_ROBIN_REP, "notify:ASSIGNED");

    complete(task(), withVariables("outcome", "CONVERTED", "outcomeNote", "Demo booked"));

    assertThat(pi).hasPassedInOrder("WorkLead", "RecordOutcome", "LeadWorked");
    assertThat(pi).isEnded();
    assertThat(calls).endsWith("recordOutcome:CONVERTED");
  }

  @Test
  void leadTheReviewPolicyHoldsIsReviewedBySalesOpsThenScoredAgainAndNotHeldAgain() {
    heldForReview = true;
    ProcessInstance pi = startLeadAndPassIntake();

    // scored first: the review policy may hold hot leads only
    assertThat(pi).hasPassedInOrder("ValidateLead", "ScoreLead", "DecideReview", "HeldForReviewGateway");
    assertThat(pi).isWaitingAt("ReviewLead");
    assertThat(task()).hasCandidateGroup("sales-ops").isNotAssigned();
    assertDeployedForm("review-lead");
    assertThat(pi).variables().containsEntry("problems", "E-mail is suspicious\nCountry is unknown")
        .containsEntry("reviewReasons", "E-mail is suspicious: check it");
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:held");

    complete(task(), withVariables("reviewDecision", "ACCEPT", "email", "jane@acme.example", "country", "NL"));
    // ReviewLead is asyncAfter: the decision is saved before anything runs on it
    assertThat(pi).hasPassed("ReviewLead").hasNotPassed("ApplyReviewCorrections");
    execute(job());

    assertThat(pi).hasPassedInOrder("ValidateLead", "ScoreLead", "DecideReview", "ReviewLead",
        "ApplyReviewCorrections", "ScoringJoin", "ScoreLead", "DecideReview", "QualifyLead", "ChooseRoute",
        "RouteLead");
    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(task()).isAssignedTo(ROUND_ROBIN_REP).hasCandidateGroupAssociated(TEAM);
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:held", "applyReviewCorrections",
        "scoreLead", "decideReview:accepted in review", "qualifyLead", "chooseRoute", "routeLead:round-robin",
        "startResponseClock:" + ROUND_ROBIN_REP, "notify:ASSIGNED");
  }

  @Test
  void reviewerDisqualifyingLeadClosesItAsDisqualifiedWithoutRouting() {
    heldForReview = true;
    ProcessInstance pi = startLeadAndPassIntake();
    assertThat(pi).isWaitingAt("ReviewLead");

    complete(task(), withVariables("reviewDecision", "DISQUALIFY"));
    execute(job());

    assertThat(pi).hasPassedInOrder("ReviewLead", "CloseAsDisqualified", "LeadDisqualified");
    assertThat(pi).hasNotPassed("ApplyReviewCorrections", "QualifyLead", "ChooseRoute");
    assertThat(pi).isEnded();
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:held", "closeLead:DISQUALIFIED");
  }

  @Test
  void leadQualifiedAsDisqualifiedIsClosedAsDisqualifiedWithoutRouting() {
    qualification = "DISQUALIFIED";
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ScoreLead", "QualifyLead", "CloseAsDisqualified", "LeadDisqualified");
    assertThat(pi).hasNotPassed("ReviewLead", "ChooseRoute", "MoveToNurture");
    assertThat(pi).isEnded();
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:not held", "qualifyLead",
        "closeLead:DISQUALIFIED");
  }

  @Test
  void leadQualifiedForNurtureIsMovedToNurtureWithoutRouting() {
    qualification = "NURTURE";
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("QualifyLead", "MoveToNurture", "LeadNurtured");
    assertThat(pi).hasNotPassed("ChooseRoute", "CloseAsDisqualified");
    assertThat(pi).isEnded();
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:not held", "qualifyLead",
        "closeLead:NURTURE");
  }

  @Test
  void directRuleRoutesLeadToNamedRep() {
    strategy = "direct";
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ChooseRoute", "RouteLead");
    assertThat(pi).hasNotPassed("AssignLeadManually");
    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(task()).isAssignedTo(DIRECT_REP).hasCandidateGroupAssociated(TEAM);
    assertThat(calls).endsWith("chooseRoute", "routeLead:direct", "startResponseClock:" + DIRECT_REP,
        "notify:ASSIGNED");
  }

  @Test
  void noEligibleRepSendsLeadToSalesOpsForManualAssignmentToChosenRep() {
    repFound = false;
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ChooseRoute", "RouteLead");
    assertThat(pi).isWaitingAt("AssignLeadManually");
    assertThat(task()).hasCandidateGroup("sales-ops").isNotAssigned();
    assertDeployedForm("assign-lead");

    complete(task(), withVariables("owner", "kees.bakker"));

    assertThat(pi).hasPassedInOrder("RouteLead", "AssignLeadManually", "AssignToChosenRep");
    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(task()).isAssignedTo("kees.bakker").hasCandidateGroupAssociated("sales-benelux");
    assertThat(calls).endsWith("routeLead:round-robin", "assignToChosenRep:kees.bakker",
        "startResponseClock:kees.bakker", "notify:ASSIGNED");
  }

  @Test
  void reviewLeadIsDueAfterFourHoursRemindsSalesOpsAfterOneAndTellsTheManagersWhenOverdue() {
    heldForReview = true;
    ClockUtil.setCurrentTime(Date.from(QUEUE_START));
    ProcessInstance pi = startLeadAndPassIntake();
    assertThat(pi).isWaitingAt("ReviewLead");
    String review = task().getId();

    assertThat(task().getDueDate()).isEqualTo(Date.from(QUEUE_START.plus(Duration.ofHours(4))));
    assertThat(timers.timer(pi, "ReviewReminderDue").getDuedate())
        .isEqualTo(Date.from(QUEUE_START.plus(Duration.ofHours(1))));
    assertThat(timers.timer(pi, "ReviewOverdue").getDuedate()).isEqualTo(task().getDueDate());

    moveClockTo(QUEUE_START.plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(timers.due(pi)).extracting(Job::getId).containsExactly(timers.timer(pi, "ReviewReminderDue").getId());
    managementService().executeJob(timers.timer(pi, "ReviewReminderDue").getId());
    assertThat(pi).hasPassedInOrder("ReviewReminderDue", "RemindSalesOpsToReview", "SalesOpsRemindedOfReview");
    assertThat(calls).endsWith("decideReview:held", "notify:QUEUE_REMINDER");

    moveClockTo(QUEUE_START.plus(Duration.ofHours(4)).plusSeconds(1));
    assertThat(timers.due(pi)).extracting(Job::getId).containsExactly(timers.timer(pi, "ReviewOverdue").getId());
    managementService().executeJob(timers.timer(pi, "ReviewOverdue").getId());
    assertThat(pi).hasPassedInOrder("ReviewOverdue", "RecordReviewOverdue", "TellManagersOfReviewOverdue",
        "ManagersToldOfReviewOverdue");
    assertThat(calls).endsWith("notify:QUEUE_REMINDER", "recordQueueOverdue:RecordReviewOverdue",
        "notify:QUEUE_OVERDUE");
    assertThat(pi).as("sales ops keep the review").isWaitingAt("ReviewLead");
    assertThat(task().getId()).isEqualTo(review);

    complete(task(), withVariables("reviewDecision", "DISQUALIFY"));
    assertThat(timers.timer(pi, "ReviewReminderDue")).isNull();
    assertThat(timers.timer(pi, "ReviewOverdue")).isNull();
  }

  @Test
  void assignLeadManuallyIsDueAfterAnHourRemindsSalesOpsAfterAQuarterAndTellsTheManagersWhenOverdue() {
    repFound = false;
    ClockUtil.setCurrentTime(Date.from(QUEUE_START));
    ProcessInstance pi = startLeadAndPassIntake();
    assertThat(pi).isWaitingAt("AssignLeadManually");

    assertThat(task().getDueDate()).isEqualTo(Date.from(QUEUE_START.plus(Duration.ofHours(1))));
    assertThat(timers.timer(pi, "AssignmentReminderDue").getDuedate())
        .isEqualTo(Date.from(QUEUE_START.plus(Duration.ofMinutes(15))));

    moveClockTo(QUEUE_START.plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(timers.due(pi)).extracting(Job::getId).containsExactlyInAnyOrder(
        timers.timer(pi, "AssignmentReminderDue").getId(), timers.timer(pi, "AssignmentOverdue").getId());
    timers.due(pi).forEach(timer -> managementService().executeJob(timer.getId()));
    assertThat(pi).hasPassed("RemindSalesOpsToAssignment", "SalesOpsRemindedOfAssignment",
        "RecordAssignmentOverdue", "TellManagersOfAssignmentOverdue", "ManagersToldOfAssignmentOverdue");
    assertThat(calls).contains("notify:QUEUE_REMINDER", "recordQueueOverdue:RecordAssignmentOverdue",
        "notify:QUEUE_OVERDUE");
    assertThat(pi).isWaitingAt("AssignLeadManually");

    complete(task(), withVariables("owner", "kees.bakker"));
    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(timers.timer(pi, "AssignmentOverdue")).isNull();
  }

  @Test
  void unknownRoutingStrategyFallsBackToManualAssignment() {
    // LeadRouting finds nobody for a key no strategy has (LeadRoutingTest): the model does not branch on keys
    strategy = "territory-v2";
    repFound = false;
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ChooseRoute", "RouteLead");
    assertThat(pi).isWaitingAt("AssignLeadManually");
    assertThat(task()).hasCandidateGroup("sales-ops");
    assertThat(calls).endsWith("chooseRoute", "routeLead:territory-v2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"round-robin", "weighted-round-robin", "direct", "priority", "performance", "capacity",
      "account-owner"})
  void everyRoutingStrategyRunsInTheOneRouteLeadTaskByTheRulesChain(String key) {
    strategy = key;
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ChooseRoute", "RouteLead", "RepFoundGateway");
    assertThat(pi).hasNotPassed("AssignLeadManually");
    assertThat(pi).isWaitingAt("WorkLead");
    assertThat(task()).isAssignedTo("direct".equals(key) ? DIRECT_REP : ROUND_ROBIN_REP)
        .hasCandidateGroupAssociated(TEAM);
    // the delegate ran once, by the rule's chain and with no strategy pinned on the task
    assertThat(calls).containsExactly("validateLead", "scoreLead", "decideReview:not held", "qualifyLead",
        "chooseRoute", "routeLead:" + key, "startResponseClock:" + ("direct".equals(key) ? DIRECT_REP : ROUND_ROBIN_REP),
        "notify:ASSIGNED");
  }

  @Test
  void oneRouteTaskRunsEveryStrategyAndTheModelNamesNone() {
    // a new strategy is a class: nothing in the model lists or branches on strategy keys
    BpmnModelInstance model = deployedModel();
    List<String> routeTasks = model.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> "${routeLeadDelegate}".equals(task.getCamundaDelegateExpression()))
        .map(ServiceTask::getId)
        .toList();
    assertThat(routeTasks).containsExactly("RouteLead");
    assertThat(model.getModelElementsByType(ServiceTask.class))
        .allSatisfy(task -> assertThat(inputParameter(task, "routingStrategy")).as(task.getId()).isNull());
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .filteredOn(flow -> flow.getConditionExpression() != null)
        .allSatisfy(flow -> assertThat(flow.getConditionExpression().getTextContent()).as(flow.getId())
            .doesNotContain("strategy"));
  }

  @Test
  void routeLeadMatchesItsElementTemplateAndEachStrategyTemplatePinsItsStrategy() throws IOException {
    Map<String, JsonNode> byId = elementTemplates();
    ServiceTask routeLead = deployedModel().getModelElementById("RouteLead");
    String templateId = routeLead.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate");
    assertThat(templateId).isEqualTo("io.leadrouter.route.by-rules");
    assertThat(routeLead.getAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion"))
        .isEqualTo(byId.get(templateId).get("version").asText());
    assertThat(bindings(byId.get(templateId)))
        .containsExactly(Map.entry("property camunda:delegateExpression", "${routeLeadDelegate}"));
    assertTemplateApplied(byId.get(templateId), routeLead);

    byId.forEach((id, template) -> {
      if (!id.equals(templateId)) {
        String key = id.substring("io.leadrouter.route.".length());
        assertThat(bindings(template)).as(id).containsOnly(
            Map.entry("property camunda:delegateExpression", "${routeLeadDelegate}"),
            Map.entry("camunda:inputParameter routingStrategy", key));
        assertThat(template.get("description").asText()).as(id).contains("fallback strategies still follow it");
      }
    });
  }

  @Test
  void aTaskPinnedByAStrategyTemplateHandsThatStrategyToTheDelegate() throws IOException {
    // as a modeler applies "Route: priority tier" to Route lead in Camunda Modeler
    BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/lead-routing.bpmn"));
    ServiceTask routeLead = model.getModelElementById("RouteLead");
    JsonNode priority = elementTemplates().get("io.leadrouter.route.priority");
    routeLead.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", priority.get("id").asText());
    routeLead.builder().camundaInputParameter("routingStrategy", "priority");
    assertTemplateApplied(priority, routeLead);
    String pinnedVersion = repositoryService().createDeployment().addModelInstance("lead-routing.bpmn", model)
        .addClasspathResource("work-lead.form").addClasspathResource("assign-lead.form").deploy().getId();
    try {
      ProcessInstance pi = startLeadAndPassIntake();

      assertThat(pi).hasPassedInOrder("ChooseRoute", "RouteLead").isWaitingAt("WorkLead");
      assertThat(task()).isAssignedTo(ROUND_ROBIN_REP);
      assertThat(calls).containsSubsequence("chooseRoute", "routeLead:priority pinned, rule round-robin",
          "startResponseClock:" + ROUND_ROBIN_REP);
    } finally {
      repositoryService().deleteDeployment(pinnedVersion, true);
    }
  }

  @Test
  void duplicateOfAnOpenLeadIsMergedIntoItWithoutScoringOrRouting() {
    duplicateOf = OPEN_LEAD_ID;
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ValidateLead", "DuplicateGateway", "MergeLead", "LeadMerged");
    assertThat(pi).hasNotPassed("ScoringJoin", "ScoreLead", "DecideReview", "ReviewLead", "QualifyLead",
        "ChooseRoute", "AssignLeadManually", "WorkLead");
    assertThat(pi).isEnded();
    assertThat(calls).containsExactly("validateLead", "mergeLead:" + OPEN_LEAD_ID);
  }

  @Test
  void duplicateIsMergedBeforeAnyReviewOfItsProblems() {
    duplicateOf = OPEN_LEAD_ID;
    heldForReview = true;
    ProcessInstance pi = startLeadAndPassIntake();

    assertThat(pi).hasPassedInOrder("ValidateLead", "MergeLead", "LeadMerged");
    assertThat(pi).hasNotPassed("ReviewLead");
    assertThat(pi).isEnded();
    assertThat(calls).containsExactly("validateLead", "mergeLead:" + OPEN_LEAD_ID);
  }

  @Test
  void technicalFailureInValidationIsRetriedThenBecomesIncidentAndLeadIsNotLost() {
    validationFails = true;
    ManagementService managementService = processEngine.getManagementService();
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, LEAD_ID,
        Map.of("leadId", LEAD_ID));
    assertThat(pi).isWaitingAt("LeadReceived");

    // first failure: the retry cycle R3/PT1M applies, one retry used, nothing else happened
    assertThatThrownBy(() -> execute(job())).hasMessageContaining("CRM unreachable");
    Job failed = job();
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("CRM unreachable");
    assertThat(failed.getDuedate()).isNotNull();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

    // use the remaining retries up (set to 1 to keep it short)
    managementService.setJobRetries(failed.getId(), 1);
    for (int attempt = 0; attempt < 5 && job().getRetries() > 0; attempt++) {
      try {
        managementService.executeJob(job().getId());
      } catch (RuntimeException expected) {
        // the delegate's failure, as the job executor would see it
      }
    }

    assertThat(job().getRetries()).isZero();
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("LeadReceived");
    assertThat(incident.getIncidentMessage()).contains("CRM unreachable");

    // nothing is lost: the instance still holds the lead and waits at the start
    assertThat(pi).isNotEnded().isWaitingAt("LeadReceived").hasBusinessKey(LEAD_ID);
    assertThat(pi).variables().containsEntry("leadId", LEAD_ID);
    assertThat(pi).hasNotPassed("ValidateLead");

    // once the cause is fixed, an operator's retry (as in Cockpit) carries the lead on
    validationFails = false;
    managementService.setJobRetries(job().getId(), 1);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    execute(job());

    assertThat(pi).hasPassed("ValidateLead").isWaitingAt("WorkLead");
    assertThat(task()).isAssignedTo(ROUND_ROBIN_REP);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Starts the process as the intake does and runs the asyncBefore job of the start event. */
  private ProcessInstance startLeadAndPassIntake() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, LEAD_ID,
        Map.of("leadId", LEAD_ID));
    assertThat(pi).isStarted().isWaitingAt("LeadReceived");
    assertThat(calls).isEmpty();
    execute(job());
    return pi;
  }

  /** The current task's Camunda Form resolves (formRef, binding deployment) to the form with that id. */
  private void assertDeployedForm(String formId) {
    try (InputStream form = processEngine.getFormService().getDeployedTaskForm(task().getId())) {
      String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"id\": \"" + formId + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void registerMocks() {
    Mocks.register("validateLeadDelegate", (JavaDelegate) execution -> {
      if (validationFails) {
        throw new IllegalStateException("CRM unreachable");
      }
      calls.add("validateLead");
      assertThat(execution.getVariable("leadId")).isEqualTo(LEAD_ID);
      execution.setVariable("leadName", "Jane Doe");
      execution.setVariable("email", heldForReview ? "asdf@acme.example" : "jane@acme.example");
      execution.setVariable("phone", "+31 20 123 4567");
      execution.setVariable("company", "Acme BV");
      execution.setVariable("country", heldForReview ? null : "NL");
      execution.setVariable("product", "Platform");
      execution.setVariable("source", "web-form");
      execution.setVariable("duplicateOf", duplicateOf);
    });
    Mocks.register("decideReviewDelegate", (JavaDelegate) execution -> {
      assertThat(execution.getVariable("tier")).as("scored before the review policy").isEqualTo("HOT");
      boolean accepted = "ACCEPT".equals(execution.getVariable("reviewDecision"));
      boolean held = heldForReview && !accepted;
      calls.add("decideReview:" + (held ? "held" : accepted ? "accepted in review" : "not held"));
      if (held) {
        execution.setVariable("problems", "E-mail is suspicious\nCountry is unknown");
        execution.setVariable("reviewReasons", "E-mail is suspicious: check it");
        execution.setVariable("firstName", "Jane");
        execution.setVariable("lastName", "Doe");
        execution.setVariable("state", null);
        execution.setVariable("city", "Amsterdam");
      }
      execution.setVariable("heldForReview", held);
    });
    Mocks.register("mergeLeadDelegate", (JavaDelegate) execution -> {
      calls.add("mergeLead:" + execution.getVariable("duplicateOf"));
    });
    Mocks.register("applyReviewCorrectionsDelegate", (JavaDelegate) execution -> {
      calls.add("applyReviewCorrections");
      assertThat(execution.getVariable("email")).isEqualTo("jane@acme.example");
    });
    Mocks.register("scoreLeadDelegate", (JavaDelegate) execution -> {
      calls.add("scoreLead");
      execution.setVariable("score", 82);
      execution.setVariable("tier", "HOT");
    });
    Mocks.register("qualifyLeadDelegate", (JavaDelegate) execution -> {
      calls.add("qualifyLead");
      execution.setVariable("qualification", qualification);
      execution.setVariable("qualificationReason", "test: " + qualification);
    });
    Mocks.register("closeLeadDelegate", (JavaDelegate) execution -> {
      calls.add("closeLead:" + local(execution, "closingStatus"));
    });
    Mocks.register("chooseRouteDelegate", (JavaDelegate) execution -> {
      calls.add("chooseRoute");
      execution.setVariable("team", TEAM);
      execution.setVariable("strategyChain", strategy);
      execution.setVariable("strategy", strategy);
      execution.setVariable("directRep", "direct".equals(strategy) ? DIRECT_REP : null);
      execution.setVariable("routingRule", "rule-eu-" + strategy);
    });
    Mocks.register("routeLeadDelegate", (JavaDelegate) execution -> {
      String pinned = local(execution, "routingStrategy");
      String chain = (String) execution.getVariable("strategyChain");
      calls.add("routeLead:" + (pinned == null ? chain : pinned + " pinned, rule " + chain));
      String routingStrategy = pinned == null ? chain : pinned;
      String owner = !repFound ? null
          : "direct".equals(routingStrategy) ? (String) execution.getVariable("directRep") : ROUND_ROBIN_REP;
      execution.setVariable("owner", owner);
      execution.setVariable("team", TEAM);
      execution.setVariable("routingReason", repFound ? "next in " + TEAM : "nobody in " + TEAM + " is available");
      execution.setVariable("repFound", repFound);
    });
    Mocks.register("assignToChosenRepDelegate", (JavaDelegate) execution -> {
      String owner = (String) execution.getVariable("owner");
      if (owner == null || owner.isBlank()) {
        throw new IllegalArgumentException("owner is required");
      }
      calls.add("assignToChosenRep:" + owner);
      execution.setVariable("team", "sales-benelux");
    });
    Mocks.register("startResponseClockDelegate", (JavaDelegate) execution -> {
      calls.add("startResponseClock:" + execution.getVariable("owner"));
      execution.setVariable("slaReminderDate", SLA_REMINDER);
      execution.setVariable("slaDueDate", SLA_DUE);
    });
    Mocks.register("requestNotificationDelegate", (JavaDelegate) execution -> {
      calls.add("notify:" + local(execution, "notification"));
    });
    LifecycleMocks.register(calls);
    Mocks.register("leadTaskReaders", new TaskReadersStub("celia.rouche"));
    // what a Tasklist card shows: webapps/ShowLeadOnCardListener, proven with the application
    Mocks.register("showLeadOnCard", (TaskListener) task -> { });
  }

  private static Map<String, JsonNode> elementTemplates() throws IOException {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    new ObjectMapper().readTree(Path.of(ELEMENT_TEMPLATES).toFile())
        .forEach(template -> byId.put(template.get("id").asText(), template));
    return byId;
  }

  /** A template's bindings as "type name" → value. */
  private static Map<String, String> bindings(JsonNode template) {
    Map<String, String> bindings = new LinkedHashMap<>();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      bindings.put(binding.get("type").asText() + " " + binding.get("name").asText(), property.get("value").asText());
    }
    return bindings;
  }

  /** The task holds what the template binds, as Camunda Modeler writes it. */
  private static void assertTemplateApplied(JsonNode template, ServiceTask task) {
    bindings(template).forEach((binding, value) -> {
      switch (binding.substring(0, binding.indexOf(' '))) {
        case "property" -> {
          assertThat(binding).isEqualTo("property camunda:delegateExpression");
          assertThat(task.getCamundaDelegateExpression()).as(task.getId()).isEqualTo(value);
        }
        case "camunda:inputParameter" -> assertThat(inputParameter(task, binding.substring(binding.indexOf(' ') + 1)))
            .as("%s %s", task.getId(), binding).isEqualTo(value);
        default -> throw new AssertionError("unexpected binding " + binding);
      }
    });
  }

  private BpmnModelInstance deployedModel() {
    String definitionId = repositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getId();
    return repositoryService().getBpmnModelInstance(definitionId);
  }

  /** The text value of a camunda:inputParameter of the task, or null. */
  private static String inputParameter(ServiceTask task, String name) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(parameter -> name.equals(parameter.getCamundaName()))
        .map(CamundaInputParameter::getTextContent)
        .findFirst().orElse(null);
  }

  /** An input parameter of the activity: local to its scope, never a process variable. */
  private static String local(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    assertThat(execution.getProcessInstance().hasVariableLocal(name)).as("%s leaks to the process", name).isFalse();
    return (String) value;
  }
}
