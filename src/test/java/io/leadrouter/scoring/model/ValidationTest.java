package io.leadrouter.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The validation measures against values worked out by hand. */
class ValidationTest {

    private static Validation.Scored converted(double probability) {
        return new Validation.Scored(probability, true);
    }

    private static Validation.Scored notConverted(double probability) {
        return new Validation.Scored(probability, false);
    }

    @Test
    void probabilitiesThatPutEveryConvertedLeadFirstHaveAnAucOfOne() {
        assertThat(Validation.auc(List.of(notConverted(0.1), notConverted(0.2), converted(0.7), converted(0.9))))
                .isEqualTo(1.0);
    }

    @Test
    void probabilitiesThatPutEveryConvertedLeadLastHaveAnAucOfZero() {
        assertThat(Validation.auc(List.of(converted(0.1), converted(0.2), notConverted(0.7), notConverted(0.9))))
                .isEqualTo(0.0);
    }

    @Test
    void theAucIsTheShareOfConvertedAndUnconvertedPairsInTheRightOrder() {
        // converted at 0.8 and 0.4; not converted at 0.6, 0.3, 0.2. Pairs in the right order:
        // 0.8 above all three (3), 0.4 above 0.3 and 0.2 (2): 5 of 6
        List<Validation.Scored> scored = List.of(converted(0.8), notConverted(0.6), converted(0.4),
                notConverted(0.3), notConverted(0.2));

        assertThat(Validation.auc(scored)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void aTieBetweenAConvertedAndAnUnconvertedLeadCountsHalf() {
        // pairs: (0.5 conv vs 0.5 not) half, (0.5 conv vs 0.1 not) right, (0.9 conv vs both) right: 3.5 of 4
        List<Validation.Scored> scored = List.of(converted(0.9), converted(0.5), notConverted(0.5), notConverted(0.1));

        assertThat(Validation.auc(scored)).isCloseTo(3.5 / 4, within(1e-12));
    }

    @Test
    void withoutBothOutcomesThereIsNoAuc() {
        assertThat(Validation.auc(List.of(converted(0.3), converted(0.6)))).isNaN();
    }

    @Test
    void theBrierScoreIsTheMeanSquaredGapToTheOutcome() {
        // (0.9-1)² + (0.2-0)² + (0.6-0)² + (0.5-1)² = 0.01 + 0.04 + 0.36 + 0.25 = 0.66, / 4
        List<Validation.Scored> scored = List.of(converted(0.9), notConverted(0.2), notConverted(0.6), converted(0.5));

        assertThat(Validation.brier(scored)).isCloseTo(0.165, within(1e-12));
    }

    @Test
    void theCalibrationTablePutsEachLeadInTheTenthOfItsProbability() {
        List<Validation.Scored> scored = List.of(converted(0.05), notConverted(0.05), notConverted(0.15),
                converted(0.95), converted(1.0));

        List<Validation.CalibrationBin> bins = Validation.calibration(scored);

        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(Validation.CalibrationBin::leads).containsExactly(2, 1, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(bins.get(0).meanPredicted()).isCloseTo(0.05, within(1e-12));
        assertThat(bins.get(0).observedRate()).isEqualTo(0.5);
        assertThat(bins.get(1).observedRate()).isEqualTo(0.0);
        assertThat(bins.get(2).observedRate()).isNaN();
        assertThat(bins.get(9).meanPredicted()).isCloseTo(0.975, within(1e-12));
        assertThat(bins.get(9).observedRate()).isEqualTo(1.0);
    }

    @Test
    void decilesCutTheLeadsByProbabilityHighestFirstTheFirstGroupsTakingTheRemainder() {
        // 12 leads: deciles 1 and 2 get 2 leads, the others 1
        List<Validation.Scored> scored = List.of(converted(0.95), converted(0.90), converted(0.85), notConverted(0.80),
                converted(0.70), notConverted(0.60), notConverted(0.50), converted(0.40), notConverted(0.30),
                notConverted(0.20), notConverted(0.10), notConverted(0.05));

        List<Validation.Decile> deciles = Validation.deciles(scored);

        assertThat(deciles).extracting(Validation.Decile::leads).containsExactly(2, 2, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(deciles).extracting(Validation.Decile::observedRate)
                .containsExactly(1.0, 0.5, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(deciles.get(0).minPredicted()).isEqualTo(0.90);
        assertThat(deciles.get(0).maxPredicted()).isEqualTo(0.95);
        assertThat(deciles.get(1).meanPredicted()).isCloseTo(0.825, within(1e-12));
        assertThat(deciles.get(9).maxPredicted()).isEqualTo(0.05);
    }

    @Test
    void fewerThanTenLeadsGiveOneGroupPerLead() {
        assertThat(Validation.deciles(List.of(converted(0.9), notConverted(0.1), converted(0.5))))
                .extracting(Validation.Decile::observedRate).containsExactly(1.0, 1.0, 0.0);
    }
}
