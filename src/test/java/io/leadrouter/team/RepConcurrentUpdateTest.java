package io.leadrouter.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.IntegrationTest;

/** Routing and sales ops change the same rep row at once: neither loses the other's change. */
@IntegrationTest
class RepConcurrentUpdateTest {

    @Autowired
    TeamRepository teams;
    @Autowired
    RepRepository reps;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void availabilitySetWhileARoutingIsInFlightIsNotOverwritten() throws Exception {
        String team = "concurrent-" + System.nanoTime();
        transaction.executeWithoutResult(status -> {
            teams.save(new Team(team, "Concurrent"));
            reps.save(new Rep("rita." + team, "Rita", "Racer", null, team, null));
        });
        CountDownLatch routingHasReadTheRep = new CountDownLatch(1);
        CountDownLatch opsHaveCommitted = new CountDownLatch(1);

        CompletableFuture<Void> routing = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            Rep rep = reps.findById("rita." + team).orElseThrow();
            routingHasReadTheRep.countDown();
            await(opsHaveCommitted);
            rep.takeRoundRobinTurn(42);
            reps.countAssignment(rep.getId());
        }));
        await(routingHasReadTheRep);
        transaction.executeWithoutResult(s -> reps.findById("rita." + team).orElseThrow()
                .setAvailable(false, Instant.now()));
        opsHaveCommitted.countDown();
        routing.get(30, TimeUnit.SECONDS);

        Rep rita = reps.findById("rita." + team).orElseThrow();
        assertThat(rita.isAvailable()).isFalse();
        assertThat(rita.getRoundRobinTicket()).isEqualTo(42);
        assertThat(rita.getLeadsAssigned()).isEqualTo(1);
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
