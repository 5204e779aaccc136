package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.classification.Label;

import io.leadrouter.intake.XEducationHistory;

/**
 * How {@link TreeSettings#STUMPS} was chosen, to run again (the second round, {@link ScoringCandidatesSearch},
 * chose {@link TreeSettings#CHOSEN} by rolling origin; this search's rule on its one split still picks the
 * stumps, so it prints "DIFFERENT"): every setting of {@link #grid()} is trained
 * on the older 75 % of the <em>training</em> leads (the older 80 % by order) and measured on the newest
 * 25 % of them; the newest 20 %, on which a model is validated and published, are split off first
 * and never reach {@link #search}. The rule ({@link #choose}): the highest inner AUC; of the settings
 * within {@link #SAME_AUC} of it, the one with the fewest leaves (cheapest to explain).
 *
 * <p>Run on X Education ({@code bench/run.sh tree-settings}), it prints the inner AUC of each setting,
 * the choice, and only then, for the record (BENCHMARKS.md), each setting's AUC on the outer validation.
 */
final class TreeSettingsSearch {

    /** Of the training leads, the older share that learns in the search; the rest measure it. */
    static final double INNER_TRAINING_SHARE = 0.75;
    /** Inner AUCs closer than this are one: the spread of AUC on 1,475 leads is about 0.008. */
    static final double SAME_AUC = 0.001;

    private TreeSettingsSearch() {
    }

    record Tried(TreeSettings settings, double innerAuc) {
    }

    /** The settings tried: depth, leaf weight (as a share of the leads) and number of trees; the old setting as a baseline. */
    static List<TreeSettings> grid() {
        List<TreeSettings> grid = new ArrayList<>();
        grid.add(TreeSettings.BEFORE);
        for (int depth : new int[] {1, 2, 3, 4}) {
            for (double minLeafShare : new double[] {0, 0.0025, 0.01, 0.02}) {
                grid.add(new TreeSettings(150, 0.1, depth, minLeafShare, 0.8, 0.5));
                grid.add(new TreeSettings(300, 0.1, depth, minLeafShare, 0.8, 0.5));
                grid.add(new TreeSettings(300, 0.05, depth, minLeafShare, 0.8, 0.5));
            }
        }
        return grid;
    }

    /** Each setting's inner AUC, from the older 80 % of the leads only. */
    static List<Tried> search(List<LabelledLead> leads, List<TreeSettings> grid, ScoringFeatures features) {
        List<LabelledLead> training = ConversionModelTraining.Split.byOrder(leads,
                ConversionModelTraining.TRAINING_SHARE).older();
        ConversionModelTraining.Split inner = ConversionModelTraining.Split.byOrder(training, INNER_TRAINING_SHARE);
        return grid.stream().map(settings -> new Tried(settings, auc(inner, settings, features))).toList();
    }

    /** The highest inner AUC; among those within {@link #SAME_AUC} of it, the fewest leaves, then the higher AUC. */
    static TreeSettings choose(List<Tried> tried) {
        double best = tried.stream().mapToDouble(Tried::innerAuc).max().orElseThrow();
        return tried.stream().filter(each -> each.innerAuc() >= best - SAME_AUC)
                .min(Comparator.comparingLong((Tried each) -> each.settings().leaves())
                        .thenComparing(Comparator.comparingDouble(Tried::innerAuc).reversed()))
                .orElseThrow().settings();
    }

    /** Trained on the split's older leads with the settings, the AUC on its newer leads. */
    static double auc(ConversionModelTraining.Split split, TreeSettings settings, ScoringFeatures features) {
        List<Map<String, Object>> trainingFeatures = split.older().stream().map(lead -> features.of(lead.lead()))
                .toList();
        FeatureSchema schema = FeatureSchema.learn(trainingFeatures);
        Model<Label> model = settings.trainer(split.older().size()).train(ConversionModelTraining.dataset(schema, trainingFeatures,
                split.older()));
        List<Validation.Scored> scored = split.newer().stream().map(lead -> new Validation.Scored(
                ConversionModel.probability(model, schema.encode(features.of(lead.lead()))), lead.converted()))
                .toList();
        return Validation.auc(scored);
    }

    public static void main(String[] args) {
        ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());
        List<LabelledLead> leads = XEducationHistory.labelledLeads();
        List<Tried> tried = search(leads, grid(), features);
        TreeSettings chosen = choose(tried);
        System.out.printf(Locale.ROOT, "chosen on the inner split: %s (in code: %s)%n%n", chosen,
                chosen.equals(TreeSettings.CHOSEN) ? "the same" : "DIFFERENT: " + TreeSettings.CHOSEN);
        ConversionModelTraining.Split outer = ConversionModelTraining.Split.byOrder(leads,
                ConversionModelTraining.TRAINING_SHARE);
        System.out.println("| settings | leaves | inner AUC | outer AUC (not used to choose) |");
        System.out.println("|---|---|---|---|");
        for (Tried each : tried) {
            System.out.printf(Locale.ROOT, "| %s%s | %,d | %.4f | %.4f |%n", each.settings(),
                    each.settings().equals(chosen) ? " **chosen**" : "", each.settings().leaves(), each.innerAuc(),
                    auc(outer, each.settings(), features));
        }
    }
}
