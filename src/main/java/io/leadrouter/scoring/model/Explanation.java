package io.leadrouter.scoring.model;

import java.util.List;

/**
 * A lead's conversion probability (0 to 1: of 100 leads like it, about that many in 100 converted
 * in the history the model learned from) and the factors that moved it most, strongest first.
 */
public record Explanation(double probability, List<Factor> factors) {

    public Explanation {
        factors = List.copyOf(factors);
    }

    /**
     * One feature of the lead and how much it moved the probability: {@code contribution} in
     * log-odds (positive raises it), {@code words} as a rep reads it ("time on site 25 min ↑").
     */
    public record Factor(String feature, String words, double contribution) {
    }
}
