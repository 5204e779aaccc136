package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

/**
 * The rep records an outcome at the very moment the breach timer fires: the engine lets exactly
 * one of them through, and the lead ends either worked by its rep or reassigned, never both.
 */
@IntegrationTest
class ResponseAtTheDeadlineTest {

    @Autowired
    SlaFixture fixture;
    @Autowired
    LeadRepository leads;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ResponseClockRepository clocks;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void aResponseRacingTheBreachTimerEitherWinsOrLosesWhole() throws Exception {
        fixture.setClock(Instant.parse("2024-04-09T10:00:00Z"));
        String team = fixture.team("celia.rouche", "ann", "bob");
        String leadId = fixture.lead("HOT");
        String instance = fixture.routeAndStart(leadId, team);
        String rep = leads.require(leadId).getOwnerId();
        Task work = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        fixture.setClock(fixture.breachDue(leadId).plusSeconds(1));
        Job breach = management.createJobQuery().processInstanceId(instance).timers()
            .activityId("ResponseSlaBreached").singleResult();

        List<Boolean> succeeded = race(
            () -> tasks.complete(work.getId(), Map.of("outcome", "CONTACTED")),
            () -> management.executeJob(breach.getId()));

        assertThat(succeeded).as("exactly one of response and breach goes through").containsOnlyOnce(true);
        Lead lead = leads.require(leadId);
        List<ResponseClock> history = clocks.findByLeadIdOrderByAssignedAt(leadId);
        if (succeeded.get(0)) {
            assertThat(lead.getStatus()).isEqualTo(LeadStatus.CONTACTED);
            assertThat(lead.getOwnerId()).isEqualTo(rep);
            assertThat(lead.getReassignments()).isZero();
            assertThat(lead.getSlaMet()).as("the response came after the deadline").isFalse();
            assertThat(history).singleElement().satisfies(clock -> {
                assertThat(clock.getResult()).isEqualTo(ResponseClock.Result.BREACHED);
                assertThat(clock.getRespondedAt()).isNotNull();
            });
        } else {
            assertThat(lead.getStatus()).isEqualTo(LeadStatus.ASSIGNED);
            assertThat(lead.getOwnerId()).isNotEqualTo(rep);
            assertThat(lead.getReassignments()).isEqualTo(1);
            assertThat(lead.getFirstResponseAt()).isNull();
            assertThat(history).extracting(ResponseClock::getResult)
                .containsExactly(ResponseClock.Result.BREACHED, ResponseClock.Result.OPEN);
        }
    }

    /** Runs both at once from two threads; true where the action went through. */
    private static List<Boolean> race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (Runnable action : List.of(first, second)) {
                outcomes.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    try {
                        action.run();
                        return true;
                    } catch (RuntimeException lostTheRace) {
                        return false;
                    }
                }));
            }
            List<Boolean> succeeded = new ArrayList<>();
            for (Future<Boolean> outcome : outcomes) {
                succeeded.add(outcome.get(1, TimeUnit.MINUTES));
            }
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }
}
