package io.leadrouter.scoring.registry;

/**
 * What governance ({@code processes/scoring-model-governance.dmn}) decided about a trained model,
 * and what the registry does with it.
 */
public enum Verdict {

    /** Too few converted or unconverted leads: nothing is trained, the rules keep scoring. */
    TOO_FEW_OUTCOMES(ModelStatus.REJECTED),
    /** The validation AUC is under the floor: rejected. */
    BELOW_FLOOR(ModelStatus.REJECTED),
    /** No model published yet, or clearly better than the published one: published at once. */
    PUBLISH(ModelStatus.PUBLISHED),
    /** Within the margin of the published model: a candidate until sales ops approve it. */
    ASK(ModelStatus.CANDIDATE),
    /** Worse than the published model by more than the margin: rejected, the published one stays. */
    KEEP(ModelStatus.REJECTED);

    private final ModelStatus status;

    Verdict(ModelStatus status) {
        this.status = status;
    }

    /** The status a model gets in the registry by this verdict. */
    public ModelStatus status() {
        return status;
    }
}
