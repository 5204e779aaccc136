package io.leadrouter.scoring.model;

import java.util.List;

/**
 * What a trained conversion model is, for whoever decides whether to publish it and for the
 * registry that keeps it: the algorithm, the features it reads, the leads it learned from and the
 * newer leads it was validated on, its measures on those, and how every algorithm tried that time
 * did (the comparison the choice was made on).
 */
public record ModelCard(Algorithm algorithm, List<String> features, DataWindow training, DataWindow validation,
                        Validation.Metrics metrics, List<Candidate> candidates) {

    public ModelCard {
        features = List.copyOf(features);
        candidates = List.copyOf(candidates);
    }

    /**
     * A span of labelled leads by their order (the older, the smaller), and how many of them
     * converted and did not.
     */
    public record DataWindow(long fromOrder, long toOrder, int converted, int notConverted) {
    }

    /** One algorithm tried: its measures on the validation leads and how long it took to train. */
    public record Candidate(Algorithm algorithm, double auc, double brier, long trainingMillis) {
    }
}
