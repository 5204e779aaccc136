package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * Random and hostile JSON leads and CSV files ({@link HostileLeads}) against the intake through
 * HTTP: no answer is a 5xx, every error is {@code application/problem+json}, nothing refused is
 * stored, and every lead acknowledged is routed. A few thousand cases in the build; the seed and
 * the count are {@code -Dfuzz.seed} and {@code -Dfuzz.cases} (longer runs: {@code bench/run.sh fuzz}).
 */
@IntegrationTest
class IntakeFuzzTest {

    /** A rep no other test posts as, so the leads this test acknowledged can be found by submitter. */
    private static final String USER = "lajuana.vencill";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void hostileAndRandomIntakeNeverAnswers5xxAndStoresOnlyWhatItAcknowledgesAndEveryAcknowledgedLeadIsRouted() {
        long seed = Long.getLong("fuzz.seed", 20_261_201L);
        int cases = Integer.getInteger("fuzz.cases", 2_000);
        Instant started = Instant.now();
        IntakeFuzz fuzz = new IntakeFuzz("http://localhost:" + environment.getRequiredProperty("local.server.port"),
                USER, "demo", () -> jdbc.queryForObject("select count(*) from leads", Long.class));

        IntakeFuzz.Result result = fuzz.run(seed, cases);

        System.out.println("Intake fuzz, seed " + seed + ": " + result.summary());
        assertThat(result.failures()).as(result.summary()).isEmpty();
        assertThat(result.statuses()).as("both acceptance and refusal were exercised")
                .containsKeys("JSON 201", "JSON 400", "CSV 200");
        driver.runJobsCollectingFailures();
        Long unrouted = jdbc.queryForObject("""
                select count(*) from leads where submitted_by = ? and received_at >= ?
                  and status = 'RECEIVED' and routing_decided_at is null""", Long.class, USER,
                Timestamp.from(started));
        assertThat(unrouted).as("acknowledged leads the routing job could not route").isZero();
    }
}
