package io.leadrouter.scoring.registry;

/** Where a trained model stands in the registry. At most one is {@link #PUBLISHED} at a time. */
public enum ModelStatus {
    /** Close to the published model: waits for sales ops to publish it. */
    CANDIDATE,
    /** Scores leads. */
    PUBLISHED,
    /** Scored leads until a newer model was published. */
    RETIRED,
    /** Never scores leads (too few outcomes, below the floor, or worse than the published model). */
    REJECTED
}
