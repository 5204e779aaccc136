package io.leadrouter.scoring.model;

import java.util.Locale;

import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;

/**
 * The size and the restraint of gradient-boosted trees: how many trees at which learning rate,
 * how deep, how much of the training leads a leaf must hold at least (its hessian weight, XGBoost's
 * {@code min_child_weight}, as a share of the leads, so that the same restraint holds for 200 leads
 * and for 20,000), and which share of the leads and of the inputs each tree sees. {@link #CHOSEN} is what {@link Algorithm#GRADIENT_BOOSTED_TREES}
 * trains with; it was chosen once on the older leads of X Education only (see its javadoc) and is
 * fixed here, not tuned per training.
 */
record TreeSettings(int trees, double learningRate, int depth, double minLeafShare, double leadShare,
                    double inputShare) {

    /**
     * 150 trees of depth 2 (at most three splits, four leaves each) at a learning rate of 0.1, a leaf
     * weighing at least 1 % of the training leads, each tree on 80 % of the leads and half the inputs.
     * Chosen by ScoringCandidatesSearch, by a protocol written before it ran, on the older 80 % of X
     * Education's leads only, by rolling origin (trained on the older 55 / 65 / 75 % of those, measured
     * on the next 10 / 10 / 25 %): mean inner AUC 0.9005 against 0.8965 for {@link #STUMPS}, the best of
     * eleven candidates (recency weighting, a bag of five, a blend with the logistic regression among
     * them) and as cheap to explain as the stumps: 600 leaves.
     */
    static final TreeSettings CHOSEN = new TreeSettings(150, 0.1, 2, 0.01, 0.8, 0.5);

    /**
     * Stumps (trees of one split each): 300 at a learning rate of 0.1, a leaf weighing at least 1 % of
     * the training leads. Chosen before {@link #CHOSEN} by TreeSettingsSearch on a single inner split
     * (the older 75 % of the older 80 %, measured on the rest: 0.929 against 0.917 for {@link #BEFORE});
     * the rolling origin, which adds two earlier measures, ranks depth 2 higher.
     */
    static final TreeSettings STUMPS = new TreeSettings(300, 0.1, 1, 0.01, 0.8, 0.5);

    /** Until issue 16's AUC work: 150 trees of depth 4, leaves of any weight (XGBoost's default), 80 % of the inputs. */
    static final TreeSettings BEFORE = new TreeSettings(150, 0.1, 4, 0, 0.8, 0.8);

    private static final long SEED = 16L;

    /** The trainer for this many training leads. */
    XGBoostClassificationTrainer trainer(int leads) {
        return trainer(leads, SEED);
    }

    /** The same with another seed (a bag of models differs by seed only). */
    XGBoostClassificationTrainer trainer(int leads, long seed) {
        // XGBoost's default is 1: a leaf of one lead's weight
        double minChildWeight = Math.max(1, minLeafShare * leads);
        // one thread: training runs beside routing on the same machine; gamma 0, L2 1, L1 0 as XGBoost's defaults
        return new XGBoostClassificationTrainer(trees, learningRate, 0, depth, minChildWeight, leadShare, inputShare,
                1, 0, 1, true, seed);
    }

    /** Leaves per lead's explanation: SHAP's cost grows with trees × leaves. */
    long leaves() {
        return trees * (1L << depth);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d trees × %.2f, depth %d, leaf ≥ %.2f %% of leads, leads %.1f, inputs %.1f",
                trees, learningRate, depth, 100 * minLeafShare, leadShare, inputShare);
    }
}
