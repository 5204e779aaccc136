package io.leadrouter.scoring.retraining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

/**
 * The shared test context's weekly retraining never comes due: tests move the engine clock by days
 * and run every due job ({@code LeadRouterDriver.runJobs()}), and a training there would publish a
 * model that changes how every other test's leads are scored. application-test.yaml starts the
 * cycle in the year 2999; the timer itself is tested in {@link ScoringModelRetrainingProcessTest}.
 */
@IntegrationTest
class RetrainingTimerInSharedTestsTest {

    @Autowired
    ManagementService management;

    @Test
    void theWeeklyTimerIsDueInTheYear2999() {
        Job timer = management.createJobQuery().processDefinitionKey("scoringModelRetraining").activityId("EveryWeek")
                .singleResult();
        assertThat(timer).as("the timer start event's job").isNotNull();
        assertThat(timer.getDuedate()).isAfterOrEqualTo(Date.from(Instant.parse("2999-01-01T00:00:00Z")));
    }
}
