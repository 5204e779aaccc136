package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The rotation rule of {@link VirtualTurns} on its own: who comes round, and how close to the exact shares. */
class VirtualTurnsTest {

    /** Places and clock of one team, routed by the rule the strategies use (lowest place, ties by index). */
    private static final class Rotation {
        final double[] weights;
        final double[] stored;
        final int[] counts;
        double clock;

        Rotation(double... weights) {
            this.weights = weights;
            this.stored = new double[weights.length];
            this.counts = new int[weights.length];
        }

        int next(boolean... away) {
            int chosen = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < weights.length; i++) {
                if (away.length > i && away[i]) {
                    continue;
                }
                // joining reps keep their new place, as VirtualTurns.serve stores it
                stored[i] = VirtualTurns.place(stored[i], clock, weights[i]);
                if (stored[i] < best) {
                    best = stored[i];
                    chosen = i;
                }
            }
            clock = Math.max(clock, best);
            stored[chosen] = best + 1 / weights[chosen];
            counts[chosen]++;
            return chosen;
        }
    }

    @Test
    void countsStayWithinOneAndAThirdLeadsOfTheExactShareAfterEveryLead() {
        Random random = new Random(42);
        double worst = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            double[] weights = new double[2 + random.nextInt(5)];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1 + random.nextInt(5);
                total += weights[i];
            }
            Rotation rotation = new Rotation(weights);
            for (int lead = 1; lead <= 200; lead++) {
                rotation.next();
                for (int i = 0; i < weights.length; i++) {
                    worst = Math.max(worst, Math.abs(rotation.counts[i] - lead * weights[i] / total));
                }
            }
        }
        assertThat(worst).isLessThanOrEqualTo(4.0 / 3 + 1e-9);
    }

    @Test
    void aRepOfWeightTwoComesRoundTwiceAsOftenAndFirst() {
        Rotation rotation = new Rotation(2, 1, 1);
        StringBuilder order = new StringBuilder();
        for (int lead = 0; lead < 8; lead++) {
            order.append("abc".charAt(rotation.next()));
        }
        assertThat(order).hasToString("abcaabca");
    }

    @Test
    void aRepBackFromAnAbsenceRejoinsTheRotationWithoutCatchingUp() {
        Rotation rotation = new Rotation(1, 1, 1, 1);
        for (int lead = 0; lead < 8; lead++) {
            rotation.next();
        }
        for (int lead = 0; lead < 30; lead++) {
            rotation.next(true);
        }
        int[] before = rotation.counts.clone();

        for (int lead = 0; lead < 8; lead++) {
            rotation.next();
        }

        // back after missing 10 turns: 2 of the next 8, like everyone else, neither 10 extra nor 0
        for (int i = 0; i < 4; i++) {
            assertThat(rotation.counts[i] - before[i]).as("rep %d", i).isEqualTo(2);
        }
    }

    @Test
    void aRepJoinsHalfAStepPastTheClockAndKeepsAPlaceTheClockHasNotPassed() {
        assertThat(VirtualTurns.place(0, 3.0, 2)).isEqualTo(3.25);
        assertThat(VirtualTurns.place(1.5, 3.0, 1)).isEqualTo(3.5);
        assertThat(VirtualTurns.place(3.0, 3.0, 1)).isEqualTo(3.0);
        assertThat(VirtualTurns.place(3.7, 3.0, 1)).isEqualTo(3.7);
    }
}
