package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.TeamRepository;

/**
 * Follow-up and due dates of the lead tasks, saved the way Tasklist's task header saves them: the
 * whole task as Camunda answered it ({@code camundaFormRef} included, which Camunda 7 cannot read
 * back), through the webapps' API and {@code /engine-rest}. The owner plans their Work lead with
 * a follow-up date and changes nothing else; nobody moves its due date, the response deadline;
 * the assignees of the other lead tasks and sales ops set the due dates of what they work.
 */
@IntegrationTest
class LeadTaskDatesTest {

    private static final String FOLLOW_UP = "2031-01-02T09:30:00.000+0000";
    private static final String LATER = "2031-02-03T10:00:00.000+0000";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    RepRepository reps;
    @Autowired
    TeamRepository teams;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private Task work;
    private String owner;

    @BeforeEach
    void aWorkLeadInEastWhichSharesItsLeads() {
        sharing("east", true);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String lead = driver.submitLead("""
                {"email": "cio@dates-%s.com", "company": "Dates %s", "country": "US", "state": "NY",
                 "industry": "software", "employees": 900, "annualRevenue": 80000000,
                 "product": "GTX Plus Pro", "source": "Reference"}""".formatted(id, id));
        driver.runJobs();
        work = driver.taskOf(lead);
        owner = work.getAssignee();
        assertThat(work.getDueDate()).isNotNull();
    }

    @AfterEach
    void eastStopsSharing() {
        sharing("east", false);
    }

    @Test
    void theOwnerSetsTheFollowUpDateOfTheirWorkLeadFromTasklistAsTheTaskHeaderSavesIt() throws Exception {
        WebappSession tasklist = tasklistOf(owner);
        String path = "/camunda/api/engine/engine/default/task/" + work.getId();
        String asAnswered = tasklist.get(path).body();
        assertThat(asAnswered).as("Camunda answers the task with its form").contains("\"camundaFormRef\"");

        HttpResponse<String> saved = tasklist.putJson(path, with(asAnswered, task -> task.put("followUp", FOLLOW_UP)));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
        Task now = task(work.getId());
        assertThat(now.getFollowUpDate()).isEqualTo(date(FOLLOW_UP));
        assertThat(now.getDueDate()).isEqualTo(work.getDueDate());
        assertThat(now.getAssignee()).isEqualTo(owner);
    }

    @Test
    void datesSavedBackWithoutTheirMillisecondsAreNoChangeAsTasklistSendsThem() {
        TaskEntity stored = new TaskEntity();
        stored.setDueDate(new Date(1_796_225_892_482L));
        TaskEntity fromTasklist = new TaskEntity();
        fromTasklist.setDueDate(new Date(1_796_225_892_000L));
        fromTasklist.setFollowUpDate(new Date(1_796_300_000_000L));

        assertThat(LeadTaskDates.changes(stored, fromTasklist)).containsExactly(LeadTaskDates.Change.FOLLOW_UP_DATE);
        fromTasklist.setDueDate(new Date(1_796_225_893_000L));
        assertThat(LeadTaskDates.changes(stored, fromTasklist))
                .containsExactlyInAnyOrder(LeadTaskDates.Change.DUE_DATE, LeadTaskDates.Change.FOLLOW_UP_DATE);
    }

    @Test
    void theOwnerSetsTheFollowUpDateThroughEngineRestToo() throws Exception {
        ResponseEntity<String> saved = put(driver.as(owner, "demo"), work.getId(), task -> task.put("followUp", LATER));

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(work.getId()).getFollowUpDate()).isEqualTo(date(LATER));

        ResponseEntity<String> cleared = put(driver.as(owner, "demo"), work.getId(), task -> task.putNull("followUp"));

        assertThat(cleared.getStatusCode()).as(cleared.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task(work.getId()).getFollowUpDate()).isNull();
    }

    @Test
    void nobodyMovesTheDueDateOfAWorkLeadWhichIsTheResponseDeadline() throws Exception {
        WebappSession tasklist = tasklistOf(owner);
        String path = "/camunda/api/engine/engine/default/task/" + work.getId();

        HttpResponse<String> byOwner = tasklist.putJson(path, with(tasklist.get(path).body(),
                task -> task.put("due", LATER).put("followUp", FOLLOW_UP)));
        ResponseEntity<String> byAdmin = put(driver.admin(), work.getId(), task -> task.put("due", LATER));

        assertThat(byOwner.statusCode()).isEqualTo(403);
        assertThat(json.readTree(byOwner.body()).get("message").asText())
                .contains("response deadline", "cannot be changed", "follow-up date");
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAdmin.getBody()).contains("response deadline");
        assertThatThrownBy(() -> tasks.setDueDate(work.getId(), date(LATER)))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("response deadline");
        Task now = task(work.getId());
        assertThat(now.getDueDate()).isEqualTo(work.getDueDate());
        assertThat(now.getFollowUpDate()).as("nothing of a refused save is kept").isNull();
    }

    @Test
    void theOwnerChangesNothingElseOfTheirTaskAndATeammateNothingAtAll() throws Exception {
        TestRestTemplate rep = driver.as(owner, "demo");
        List<Consumer<ObjectNode>> notTheirs = List.of(
                task -> task.put("name", "Mine, all mine"),
                task -> task.put("priority", 100),
                task -> task.put("description", "call later").put("followUp", FOLLOW_UP),
                task -> task.put("owner", owner),
                task -> task.put("assignee", eastRepOtherThan(owner)));
        for (Consumer<ObjectNode> change : notTheirs) {
            ResponseEntity<String> refused = put(rep, work.getId(), change);

            assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("AuthorizationException");
        }
        String teammate = eastRepOtherThan(owner);
        ResponseEntity<String> byTeammate = put(driver.as(teammate, "demo"), work.getId(),
                task -> task.put("followUp", FOLLOW_UP));

        assertThat(byTeammate.getStatusCode()).as(byTeammate.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        Task now = task(work.getId());
        assertThat(now.getName()).isEqualTo("Work lead");
        assertThat(now.getPriority()).isEqualTo(work.getPriority());
        assertThat(now.getDescription()).isEqualTo(work.getDescription());
        assertThat(now.getFollowUpDate()).isNull();
        assertThat(now.getAssignee()).isEqualTo(owner);
        assertThat(now.getOwner()).isNull();
    }

    @Test
    void theManagerPlansTheirEscalatedLeadAndSalesOpsTheirQueuesWithFollowUpAndDueDates() throws Exception {
        String manager = managerOf("east");
        Task escalated = startAt("HandleEscalatedLead", Map.of("team", "east", "manager", manager));
        Task manual = startAt("AssignLeadManually", Map.of("team", "east"));
        try {
            ResponseEntity<String> byManager = put(driver.as(manager, "demo"), escalated.getId(),
                    task -> task.put("due", LATER).put("followUp", FOLLOW_UP));
            ResponseEntity<String> bySalesOps = put(driver.as("sam.ops", "demo"), manual.getId(),
                    task -> task.put("due", LATER).put("followUp", FOLLOW_UP));

            assertThat(byManager.getStatusCode()).as(byManager.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(bySalesOps.getStatusCode()).as(bySalesOps.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(task(escalated.getId()).getDueDate()).isEqualTo(date(LATER));
            assertThat(task(manual.getId()).getDueDate()).isEqualTo(date(LATER));
            assertThat(task(manual.getId()).getFollowUpDate()).isEqualTo(date(FOLLOW_UP));
            ResponseEntity<String> anotherManager = put(driver.as(managerOf("west"), "demo"), escalated.getId(),
                    task -> task.put("due", FOLLOW_UP));
            assertThat(anotherManager.getStatusCode()).as("a manager of another team does not even see it")
                    .isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            runtime.deleteProcessInstance(escalated.getProcessInstanceId(), "test done");
            runtime.deleteProcessInstance(manual.getProcessInstanceId(), "test done");
        }
    }

    /** Saves the task as the user read it through /engine-rest, with the change. */
    private ResponseEntity<String> put(TestRestTemplate user, String taskId, Consumer<ObjectNode> change)
            throws Exception {
        String path = "/engine-rest/task/" + taskId;
        ResponseEntity<String> read = user.getForEntity(path, String.class);
        assertThat(read.getStatusCode()).as(read.getBody()).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
        if (read.getStatusCode() == HttpStatus.NOT_FOUND) {
            return read;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return user.exchange(path, HttpMethod.PUT, new HttpEntity<>(with(read.getBody(), change), headers),
                String.class);
    }

    private String with(String task, Consumer<ObjectNode> change) throws Exception {
        ObjectNode changed = (ObjectNode) json.readTree(task);
        change.accept(changed);
        return json.writeValueAsString(changed);
    }

    private Task startAt(String activity, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>(values);
        String leadId = UUID.randomUUID().toString();
        variables.put("leadId", leadId);
        variables.put("tier", "WARM");
        String instance = runtime.createProcessInstanceByKey("leadRouting").businessKey(leadId)
                .startBeforeActivity(activity).setVariables(variables).execute().getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private WebappSession tasklistOf(String user) {
        WebappSession tasklist = new WebappSession("http://localhost:" + port);
        assertThat(tasklist.login("tasklist", user, "demo")).isEqualTo(200);
        return tasklist;
    }

    private Task task(String id) {
        return tasks.createTaskQuery().taskId(id).singleResult();
    }

    private static Date date(String restDate) {
        return Date.from(java.time.OffsetDateTime.parse(restDate,
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant());
    }

    private void sharing(String team, boolean share) {
        transaction.executeWithoutResult(status -> teams.findById(team).orElseThrow().shareLeads(share));
    }

    private String eastRepOtherThan(String userId) {
        return reps.findByTeamIdOrderById("east").stream().filter(Rep::isActive).map(Rep::getId)
                .filter(id -> !id.equals(userId)).findFirst().orElseThrow();
    }

    private String managerOf(String team) {
        return identity.createUserQuery().memberOfGroup(Roles.MANAGERS).list().stream()
                .filter(user -> identity.createUserQuery().userId(user.getId()).memberOfGroup(team).count() > 0)
                .findFirst().orElseThrow().getId();
    }
}
