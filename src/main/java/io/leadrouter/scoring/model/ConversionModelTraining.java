package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a conversion model from leads whose outcome is known, the way Dynamics 365 validates
 * its own: on the older 80 % of the leads (by {@link LabelledLead#order()}), validated on the
 * newest 20 %, the leads most like the ones it will score next. Every {@link Algorithm} is trained
 * and validated the same way; the one with the higher ROC AUC on the validation leads is kept
 * (the logistic regression on a tie: it is the simpler to explain), and its card names both.
 *
 * <p>The encoding of features is learned from the training leads only, so nothing of the
 * validation leads reaches the model before it is measured on them.
 */
public final class ConversionModelTraining {

    /** The share of the leads, the oldest, that a model learns from; the rest validate it. */
    static final double TRAINING_SHARE = 0.8;

    private static final LabelFactory LABELS = new LabelFactory();

    private final ScoringFeatures features;

    public ConversionModelTraining(ScoringFeatures features) {
        this.features = features;
    }

    /** The model kept, and every algorithm's model with its card (the comparison). */
    public record Result(ConversionModel chosen, List<ConversionModel> candidates) {
    }

    /**
     * Trains every algorithm on the older 80 % and keeps the better. IllegalArgumentException when
     * the training or the validation leads lack converted or unconverted ones: no model can be
     * learned or measured then (how many outcomes a published model needs is governance's call).
     */
    public Result train(List<LabelledLead> leads) {
        Split split = Split.byOrder(leads, TRAINING_SHARE);
        List<LabelledLead> training = split.older();
        List<LabelledLead> validation = split.newer();
        ModelCard.DataWindow trainingWindow = window("training", training);
        ModelCard.DataWindow validationWindow = window("validation", validation);

        List<Map<String, Object>> trainingFeatures = training.stream().map(lead -> features.of(lead.lead())).toList();
        List<Map<String, Object>> validationFeatures = validation.stream().map(lead -> features.of(lead.lead()))
                .toList();
        FeatureSchema schema = FeatureSchema.learn(trainingFeatures);
        MutableDataset<Label> dataset = dataset(schema, trainingFeatures, training);

        record Trained(Algorithm algorithm, Model<Label> model, Validation.Metrics metrics, long millis) {
        }
        List<Trained> trained = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            long start = System.nanoTime();
            Model<Label> model = algorithm.train(dataset);
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<Validation.Scored> scored = new ArrayList<>(validation.size());
            for (int i = 0; i < validation.size(); i++) {
                scored.add(new Validation.Scored(ConversionModel.probability(model,
                        schema.encode(validationFeatures.get(i))),
                        validation.get(i).converted()));
            }
            trained.add(new Trained(algorithm, model, Validation.of(scored), millis));
        }
        List<ModelCard.Candidate> comparison = trained.stream().map(each -> new ModelCard.Candidate(each.algorithm(),
                each.metrics().auc(), each.metrics().brier(), each.millis())).toList();
        List<ConversionModel> candidates = trained.stream().map(each -> new ConversionModel(
                new ModelCard(each.algorithm(), schema.features(), trainingWindow, validationWindow, each.metrics(),
                        comparison), schema, each.model(), features)).toList();
        ConversionModel chosen = candidates.get(0);
        for (ConversionModel candidate : candidates) {
            if (candidate.card().metrics().auc() > chosen.card().metrics().auc()) {
                chosen = candidate;
            }
        }
        return new Result(chosen, candidates);
    }

    /** The older {@code olderShare} of the leads by their order, and the newer rest. */
    record Split(List<LabelledLead> older, List<LabelledLead> newer) {

        static Split byOrder(List<LabelledLead> leads, double olderShare) {
            List<LabelledLead> byOrder = new ArrayList<>(leads);
            byOrder.sort(Comparator.comparingLong(LabelledLead::order));
            int olderSize = (int) Math.round(byOrder.size() * olderShare);
            return new Split(List.copyOf(byOrder.subList(0, olderSize)),
                    List.copyOf(byOrder.subList(olderSize, byOrder.size())));
        }
    }

    /** The leads as a learner reads them: each one's features encoded by the schema, and its outcome. */
    static MutableDataset<Label> dataset(FeatureSchema schema, List<Map<String, Object>> features,
                                         List<LabelledLead> leads) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("labelled leads", LABELS),
                LABELS);
        for (int i = 0; i < leads.size(); i++) {
            dataset.add(ConversionModel.example(schema.encode(features.get(i)), label(leads.get(i).converted())));
        }
        return dataset;
    }

    private static Label label(boolean converted) {
        return new Label(converted ? ConversionModel.CONVERTED : ConversionModel.NOT_CONVERTED);
    }

    private static ModelCard.DataWindow window(String part, List<LabelledLead> leads) {
        int converted = (int) leads.stream().filter(LabelledLead::converted).count();
        if (converted == 0 || converted == leads.size()) {
            throw new IllegalArgumentException("The " + part + " leads (" + leads.size() + ") need converted and "
                    + "unconverted leads both; they have " + converted + " converted");
        }
        return new ModelCard.DataWindow(leads.get(0).order(), leads.get(leads.size() - 1).order(), converted,
                leads.size() - converted);
    }
}
