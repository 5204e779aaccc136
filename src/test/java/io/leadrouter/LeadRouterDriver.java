package io.leadrouter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/** Drives the running test application: HTTP calls as a user, and the engine's jobs. */
@Component
public class LeadRouterDriver {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RepRepository reps;
    private final Environment environment;

    LeadRouterDriver(ManagementService management, RuntimeService runtime, TaskService tasks,
                     IdentityService identity, RepRepository reps, Environment environment) {
        this.management = management;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.reps = reps;
        this.environment = environment;
    }

    /** The test server's port, known only once the server runs. */
    private String root() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** An HTTP client logged in as the given user (demo passwords). */
    public TestRestTemplate as(String user, String password) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(root()), user, password);
    }

    public TestRestTemplate admin() {
        return as("admin", "admin");
    }

    public TestRestTemplate anonymous() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(root()));
    }

    public ResponseEntity<JsonNode> postLead(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().postForEntity("/api/leads", new HttpEntity<>(json, headers), JsonNode.class);
    }

    public String submitLead(String json) {
        ResponseEntity<JsonNode> response = postLead(json);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("lead not accepted: " + response);
        }
        return response.getBody().get("id").asText();
    }

    public JsonNode lead(String id) {
        return admin().getForObject("/api/leads/" + id, JsonNode.class);
    }

    /**
     * Runs every due job, earliest due first, one at a time until none is left (the job
     * executor's work). One at a time, because a job may remove others: a breach timer takes
     * the reminder timer of its task with it.
     */
    public void runJobs() {
        for (int round = 0; round < 10_000; round++) {
            Job next = nextDueJob();
            if (next == null) {
                return;
            }
            management.executeJob(next.getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    /**
     * Runs the due jobs of this lead's process, as the job executor would, and no other: a test that
     * moves the engine clock past a deadline would otherwise run every other test's leads through
     * their timers too (in a full run, hundreds of escalations).
     */
    public void runJobsOf(String leadId) {
        for (int round = 0; round < 100; round++) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId)
                    .processDefinitionKey("leadRouting").singleResult();
            List<Job> due = instance == null ? List.of() : management.createJobQuery()
                    .processInstanceId(instance.getId()).executable().orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    /**
     * Like {@link #runJobs()}, but a failing job does not stop the run: it is left with one
     * retry less and a later due date, as the job executor leaves it. Returns the failures.
     */
    public List<String> runJobsCollectingFailures() {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 10_000; round++) {
            Job next = nextDueJob();
            if (next == null) {
                return failures;
            }
            try {
                management.executeJob(next.getId());
            } catch (RuntimeException failed) {
                failures.add(failed.getMessage());
            }
        }
        throw new AssertionError("jobs keep coming");
    }

    private Job nextDueJob() {
        List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
        return due.isEmpty() ? null : due.get(0);
    }

    /** Runs the given jobs from {@code threads} threads that all start at once. */
    public void runJobsConcurrently(List<Job> jobs, int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < jobs.size(); i += threads) {
                        management.executeJob(jobs.get(i).getId());
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public Task taskOf(String leadId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(leadId).singleResult();
    }

    /** The users of the task's candidate identity links, and of its candidate groups (two lists, by kind). */
    public List<String> candidateUsers(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
                .map(IdentityLink::getUserId).sorted().toList();
    }

    public List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    /** The managers of a team: users in both {@code managers} and the team's group. */
    public List<String> managersOf(String team) {
        return identity.createUserQuery().memberOfGroup("managers").list().stream().map(User::getId)
                .filter(id -> identity.createUserQuery().userId(id).memberOfGroup(team).count() > 0)
                .sorted().toList();
    }

    /** A user of the test's own (besides the demo's), with that password and groups; made once. */
    public void ensureUser(String id, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Test");
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
    }

    public void complete(Task task, Map<String, Object> variables) {
        tasks.complete(task.getId(), variables);
    }

    /** Marks every rep available again (tests that change availability call this afterwards). */
    public void allRepsAvailable() {
        List<Rep> all = reps.findAll();
        all.forEach(rep -> rep.setAvailable(true, java.time.Instant.now()));
        reps.saveAll(all);
    }

    public void setAvailability(String team, boolean available) {
        List<Rep> members = reps.findByTeamIdOrderById(team);
        members.forEach(rep -> rep.setAvailable(available, java.time.Instant.now()));
        reps.saveAll(members);
    }
}
