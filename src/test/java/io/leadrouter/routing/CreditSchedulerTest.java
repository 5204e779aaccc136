package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CreditSchedulerTest {

    @Test
    void countsStayWithinOneLeadOfTheExactProportionAfterEveryLead() {
        Random random = new Random(42);
        double worst = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            int reps = 2 + random.nextInt(5);
            Map<String, Double> shares = new HashMap<>();
            int total = 0;
            int[] weights = new int[reps];
            for (int i = 0; i < reps; i++) {
                weights[i] = 1 + random.nextInt(5);
                total += weights[i];
            }
            for (int i = 0; i < reps; i++) {
                shares.put("rep" + i, weights[i] / (double) total);
            }
            Map<String, Double> credits = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            for (int lead = 1; lead <= 200; lead++) {
                CreditScheduler.Turn turn = CreditScheduler.next(credits, shares);
                credits = turn.credits();
                counts.merge(turn.ranking().get(0), 1, Integer::sum);
                for (var share : shares.entrySet()) {
                    worst = Math.max(worst, Math.abs(counts.getOrDefault(share.getKey(), 0) - lead * share.getValue()));
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void theRepWithMostCreditAfterEarningItsShareIsChosenAndPaysOneLead() {
        CreditScheduler.Turn turn = CreditScheduler.next(Map.of("a", 0.2, "b", 0.5),
                Map.of("a", 0.75, "b", 0.25));

        assertThat(turn.ranking()).containsExactly("a", "b");
        assertThat(turn.credits().get("a")).isCloseTo(-0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(turn.credits().get("b")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-9));
    }
}
