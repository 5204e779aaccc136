package io.leadrouter.scoring.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGradRDA;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The learning algorithms a conversion model is trained with, each with its settings and with its
 * own way to say how much each feature moved one lead's probability. Training tries every one and
 * keeps the one that validates better ({@link ConversionModelTraining}). Both run in-process through
 * Tribuo (Apache 2.0); the trees through XGBoost4J (Apache 2.0), whose native library for Linux
 * x86_64 ships in its jar.
 *
 * <p>Settings are fixed here, not tuned per training: tuning on the validation leads would make the
 * validation measure flatter the model.
 */
public enum Algorithm {

    /**
     * A logistic regression with L2 regularisation (AdaGrad with regularised dual averaging), on
     * standardised numbers and one input per category value. A factor is its weight × the lead's
     * value, exactly: the factors and the intercept add up to the lead's log-odds.
     */
    LOGISTIC_REGRESSION("logistic regression") {
        private static final double LEARNING_RATE = 0.1;
        private static final double L2 = 0.001;
        private static final int EPOCHS = 20;
        private static final long SEED = 16L;

        @Override
        Model<Label> train(Dataset<Label> leads) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(),
                    new AdaGradRDA(LEARNING_RATE, 1e-6, 0, L2, leads.getFeatureMap().size()),
                    EPOCHS, Integer.MAX_VALUE, 1, SEED);
            return trainer.train(leads);
        }

        @Override
        Contributions contributions(Model<Label> model, Map<String, String> featureOfInput) {
            DenseMatrix weights = ((LinearSGDModel) model).getWeightsCopy();
            int converted = model.getOutputIDInfo().getID(new Label(ConversionModel.CONVERTED));
            int notConverted = model.getOutputIDInfo().getID(new Label(ConversionModel.NOT_CONVERTED));
            ImmutableFeatureMap ids = model.getFeatureIDMap();
            // the weight of an input on the log-odds of converting, from the two classes' weights
            Map<String, Double> weightOfInput = new HashMap<>();
            ids.forEach(info -> {
                int id = ids.getID(info.getName());
                weightOfInput.put(info.getName(), weights.get(converted, id) - weights.get(notConverted, id));
            });
            // the intercept: Tribuo keeps it after the inputs' weights
            int bias = ids.size();
            double intercept = weights.get(converted, bias) - weights.get(notConverted, bias);
            return inputs -> {
                Map<String, Double> byFeature = new HashMap<>();
                double logOdds = intercept;
                for (FeatureSchema.Input input : inputs) {
                    Double weight = weightOfInput.get(input.name());
                    if (weight != null) {
                        byFeature.merge(input.feature(), weight * input.value(), Double::sum);
                        logOdds += weight * input.value();
                    }
                }
                return new Attribution(logOdds, byFeature);
            };
        }
    },

    /**
     * Gradient-boosted trees (XGBoost), by {@link TreeSettings#CHOSEN}: 150 trees of depth 2 at a
     * learning rate of 0.1, each on 80 % of the leads and half the inputs. A factor is the
     * feature's SHAP value (XGBoost's {@code predictContrib}): the factors and the base value add up to
     * the lead's log-odds. Every scored lead is explained, and SHAP's cost grows with trees × leaves ×
     * depth²: shallow trees keep it small (150 trees of depth 4 took 450-650 µs of CPU a lead, 300 of depth 5
     * 2 ms, BENCHMARKS.md).
     */
    GRADIENT_BOOSTED_TREES("gradient-boosted trees") {
        @Override
        Model<Label> train(Dataset<Label> leads) {
            return TreeSettings.CHOSEN.trainer(leads.size()).train(leads);
        }

        @Override
        Contributions contributions(Model<Label> model, Map<String, String> featureOfInput) {
            ImmutableFeatureMap ids = model.getFeatureIDMap();
            // the inputs a lead lacks have SHAP values too ("not given" is absent for a lead that gave it)
            String[] featureOfColumn = new String[ids.size()];
            ids.forEach(info -> featureOfColumn[ids.getID(info.getName())] = featureOfInput.get(info.getName()));
            int converted = model.getOutputIDInfo().getID(new Label(ConversionModel.CONVERTED));
            Booster booster;
            try {
                // Tribuo hands out a copy per call: take it once, for one lead at a time on one thread
                booster = ((XGBoostModel<Label>) model).getInnerModels().get(0);
                booster.setParam("nthread", 1);
            } catch (XGBoostError failed) {
                throw new IllegalStateException("XGBoost's model cannot be read for explanations", failed);
            }
            return inputs -> {
                TreeMap<Integer, Float> present = new TreeMap<>();
                for (FeatureSchema.Input input : inputs) {
                    int id = ids.getID(input.name());
                    if (id >= 0) {
                        present.put(id, (float) input.value());
                    }
                }
                int[] columns = new int[present.size()];
                float[] values = new float[present.size()];
                int i = 0;
                for (Map.Entry<Integer, Float> input : present.entrySet()) {
                    columns[i] = input.getKey();
                    values[i++] = input.getValue();
                }
                try {
                    DMatrix lead = new DMatrix(new long[] {0, columns.length}, columns, values,
                            DMatrix.SparseType.CSR, ids.size());
                    try {
                        float[] contributions;
                        synchronized (booster) {
                            contributions = booster.predictContrib(lead, 0)[0];
                        }
                        return byFeature(contributions, featureOfColumn, converted);
                    } finally {
                        lead.dispose();
                    }
                } catch (XGBoostError failed) {
                    throw new IllegalStateException("XGBoost could not explain the lead's probability", failed);
                }
            };
        }

        /**
         * One SHAP value per column and one base value; with one margin per class (softmax, as Tribuo
         * trains two labels) the log-odds of converting is the difference of the two classes' margins.
         */
        private static Attribution byFeature(float[] contributions, String[] featureOfColumn, int converted) {
            int width = featureOfColumn.length + 1;
            Map<String, Double> byFeature = new HashMap<>();
            boolean perClass = contributions.length == 2 * width;
            double logOdds = 0;
            // the last column is the base value: the same for every lead
            for (int column = 0; column < width; column++) {
                double value = perClass ? contributions[converted * width + column]
                        - contributions[(1 - converted) * width + column] : contributions[column];
                logOdds += value;
                if (column < featureOfColumn.length) {
                    byFeature.merge(featureOfColumn[column], value, Double::sum);
                }
            }
            return new Attribution(logOdds, byFeature);
        }
    };

    private final String displayName;

    Algorithm(String displayName) {
        this.displayName = displayName;
    }

    /** How people call the algorithm ("gradient-boosted trees"). */
    public String displayName() {
        return displayName;
    }

    abstract Model<Label> train(Dataset<Label> leads);

    /** How a trained model of this algorithm says what moved a lead's log-odds; made once per model. */
    abstract Contributions contributions(Model<Label> model, Map<String, String> featureOfInput);

    /** How much each feature moved one lead's log-odds of converting. */
    @FunctionalInterface
    interface Contributions {
        Attribution of(List<FeatureSchema.Input> inputs);
    }

    /**
     * A lead's log-odds of converting and what each feature added to it, by feature name; the
     * rest is the model's constant (intercept or base value), the same for every lead.
     */
    record Attribution(double logOdds, Map<String, Double> byFeature) {

        double probability() {
            return 1 / (1 + Math.exp(-logOdds));
        }
    }
}
