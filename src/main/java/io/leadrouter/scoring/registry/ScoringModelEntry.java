package io.leadrouter.scoring.registry;

import java.time.Instant;
import java.util.List;

import io.leadrouter.scoring.model.Algorithm;
import io.leadrouter.scoring.model.ModelCard;
import io.leadrouter.scoring.model.Validation;

/**
 * One row of the scoring model registry, without the model's bytes: which training it was (version,
 * when, by whom: a user id or {@code "schedule"}), the leads it learned from and was validated on,
 * how it measured, how every algorithm tried did, what governance decided and why, and whether and
 * by whom it was published. A training with too few outcomes has no algorithm, validation or
 * metrics: nothing was trained; its {@code training} window is every lead with a known outcome then.
 */
public record ScoringModelEntry(int version, ModelStatus status, Verdict verdict, String verdictReason,
                                Instant trainedAt, String trainedBy, Instant publishedAt, String publishedBy,
                                Algorithm algorithm, List<String> features, ModelCard.DataWindow training,
                                ModelCard.DataWindow validation, Double auc, Double brier,
                                Validation.Metrics metrics, List<ModelCard.Candidate> candidates) {

    public ScoringModelEntry {
        features = features == null ? List.of() : List.copyOf(features);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    ScoringModelEntry withVersion(int number) {
        return new ScoringModelEntry(number, status, verdict, verdictReason, trainedAt, trainedBy, publishedAt,
                publishedBy, algorithm, features, training, validation, auc, brier, metrics, candidates);
    }
}
