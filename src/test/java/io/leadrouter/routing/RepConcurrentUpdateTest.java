package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Routing and sales ops change the same rep at once (routing its rotation row and the rep's lead
 * count, sales ops the rep's availability, which the database copies onto the rotation row):
 * neither loses the other's change.
 */
@IntegrationTest
class RepConcurrentUpdateTest {

    @Autowired
    TeamRepository teams;
    @Autowired
    RepRepository reps;
    @Autowired
    RepRotationRepository rotations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void availabilitySetWhileARoutingIsInFlightIsNotOverwritten() throws Exception {
        String team = "concurrent-" + System.nanoTime();
        String rita = "rita." + team;
        transaction.executeWithoutResult(status -> {
            teams.save(new Team(team, "Concurrent"));
            reps.save(new Rep(rita, "Rita", "Racer", null, team, null));
        });
        CountDownLatch routingHasReadTheRep = new CountDownLatch(1);
        CountDownLatch opsHaveCommitted = new CountDownLatch(1);

        CompletableFuture<Void> routing = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            RepRotation rotation = rotations.findById(rita).orElseThrow();
            routingHasReadTheRep.countDown();
            await(opsHaveCommitted);
            rotation.takeRoundRobinTurn(42);
            reps.countAssignment(rita);
        }));
        await(routingHasReadTheRep);
        transaction.executeWithoutResult(s -> reps.findById(rita).orElseThrow()
                .setAvailable(false, Instant.now()));
        opsHaveCommitted.countDown();
        routing.get(30, TimeUnit.SECONDS);

        Rep stored = reps.findById(rita).orElseThrow();
        assertThat(stored.isAvailable()).isFalse();
        assertThat(rotations.findById(rita).orElseThrow().getRoundRobinTicket()).isEqualTo(42);
        assertThat(stored.getLeadsAssigned()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select takes_leads from rep_rotation where rep_id = ?", Boolean.class, rita))
                .as("the availability copied onto the rotation row").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
