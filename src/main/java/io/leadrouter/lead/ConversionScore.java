package io.leadrouter.lead;

import java.util.List;
import java.util.Objects;

/**
 * What the published conversion model said of a lead when it was scored: the probability that it
 * converts (0 to 1: of 100 leads that looked like it at intake, about that many converted), the
 * factors that moved it most, strongest first, and the registry version of the model that spoke.
 */
public record ConversionScore(double probability, List<Factor> factors, int modelVersion) {

    public ConversionScore {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("A conversion probability lies between 0 and 1, not " + probability);
        }
        factors = List.copyOf(factors);
    }

    /**
     * One thing about the lead and how much it moved the probability: {@code contribution} in
     * log-odds (positive raises it), {@code words} as a rep reads it ("time on site 25 min ↑").
     */
    public record Factor(String feature, String words, double contribution) {

        public Factor {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(words, "words");
        }
    }
}
