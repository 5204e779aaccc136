package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import io.leadrouter.intake.XEducationHistory;

/**
 * Issue 16's second AUC round, by a protocol written before it ran: a short list of candidates fixed in
 * advance ({@link #candidates()}: the then current {@link TreeSettings#STUMPS}, recency weighting of the training
 * leads, two depth-2 settings, a bag of five seeds, a blend with the logistic regression, three declared
 * combinations) measured by rolling origin on the older 80 % of the leads only ({@link #folds}: train on the
 * older 55 / 65 / 75 %, measure on the next 10 / 10 / 25 %), scored by the mean inner AUC. The rule
 * ({@link #choose}): the highest mean; among those within {@link #SAME_AUC} of it, the cheapest to explain
 * (fewest leaves; a bag or a blend costs the sum of its members); on equal cost the current setting.
 *
 * <p>{@code bench/run.sh scoring-candidates} prints the inner table and the choice only;
 * {@code bench/run.sh scoring-candidates --outer} then adds, for the record, each candidate's AUC on the
 * real validation (train on the older 80 %, validate on the newest 20 %), which chooses nothing.
 */
final class ScoringCandidatesSearch {

    /** Of the older 80 %: each fold trains on the older {@code FOLD_TRAIN[i]} and measures up to {@code FOLD_END[i]}. */
    static final double[] FOLD_TRAIN = {0.55, 0.65, 0.75};
    static final double[] FOLD_END = {0.65, 0.75, 1.0};
    /** Mean inner AUCs closer than this are one. */
    static final double SAME_AUC = 0.001;
    /** Declared in the protocol: the current setting is C0 and wins ties of cost. */
    static final String CURRENT = "C0";

    private static final LabelFactory LABELS = new LabelFactory();

    private ScoringCandidatesSearch() {
    }

    /** One model of a candidate: trees of some settings (or the logistic regression when null), its weight in the log-odds. */
    record Member(TreeSettings trees, double halfLife, long seed, double share) {

        static Member trees(TreeSettings settings, double halfLife, long seed, double share) {
            return new Member(settings, halfLife, seed, share);
        }

        static Member logisticRegression(double share) {
            return new Member(null, Double.NaN, 0, share);
        }

        boolean weighted() {
            return !Double.isNaN(halfLife);
        }

        long cost(int lrInputs) {
            return trees == null ? lrInputs : trees.leaves();
        }
    }

    /** A candidate: the log-odds of converting is the share-weighted sum of its members' log-odds. */
    record Candidate(String id, String description, List<Member> members) {

        long cost(int lrInputs) {
            return members.stream().mapToLong(member -> member.cost(lrInputs)).sum();
        }
    }

    record Fold(List<LabelledLead> training, List<LabelledLead> measured) {
    }

    record Tried(Candidate candidate, double[] foldAucs, double meanAuc) {
    }

    /** The candidates of the protocol (/tmp/r25/auc-protocol.md), in its order. */
    static List<Candidate> candidates() {
        // the setting in the product when the protocol was written (TreeSettings.CHOSEN until this round chose C4)
        TreeSettings stumps = TreeSettings.STUMPS;
        TreeSettings depth2Short = new TreeSettings(150, 0.1, 2, 0.01, 0.8, 0.5);
        TreeSettings depth2Long = new TreeSettings(300, 0.05, 2, 0.01, 0.8, 0.5);
        double none = Double.NaN;
        long seed = 16;
        List<Member> bag = new ArrayList<>();
        List<Member> recentBag = new ArrayList<>();
        for (long each = seed; each < seed + 5; each++) {
            bag.add(Member.trees(stumps, none, each, 0.2));
            recentBag.add(Member.trees(stumps, 0.5, each, 0.2));
        }
        return List.of(
                new Candidate("C0", "300 stumps × 0.1, leaf ≥ 1 % (CHOSEN before)", List.of(Member.trees(stumps, none, seed, 1))),
                new Candidate("C1", "C0 + recency, half-life 0.25", List.of(Member.trees(stumps, 0.25, seed, 1))),
                new Candidate("C2", "C0 + recency, half-life 0.5", List.of(Member.trees(stumps, 0.5, seed, 1))),
                new Candidate("C3", "C0 + recency, half-life 1.0", List.of(Member.trees(stumps, 1.0, seed, 1))),
                new Candidate("C4", "150 × 0.1, depth 2, leaf ≥ 1 %", List.of(Member.trees(depth2Short, none, seed, 1))),
                new Candidate("C5", "300 × 0.05, depth 2, leaf ≥ 1 %", List.of(Member.trees(depth2Long, none, seed, 1))),
                new Candidate("C6", "bag of C0, seeds 16-20", List.copyOf(bag)),
                new Candidate("C7", "blend 0.7 C0 + 0.3 logistic regression", List.of(Member.trees(stumps, none, seed, 0.7),
                        Member.logisticRegression(0.3))),
                new Candidate("C8", "C6 + recency 0.5", List.copyOf(recentBag)),
                new Candidate("C9", "C7, trees with recency 0.5", List.of(Member.trees(stumps, 0.5, seed, 0.7),
                        Member.logisticRegression(0.3))),
                new Candidate("C10", "C5 + recency 0.5", List.of(Member.trees(depth2Long, 0.5, seed, 1))));
    }

    /** The rolling-origin folds on the older 80 % of the leads; the newest 20 % is cut off first. */
    static List<Fold> folds(List<LabelledLead> leads) {
        List<LabelledLead> older = ConversionModelTraining.Split.byOrder(leads, ConversionModelTraining.TRAINING_SHARE)
                .older();
        int n = older.size();
        List<Fold> folds = new ArrayList<>();
        for (int i = 0; i < FOLD_TRAIN.length; i++) {
            int trainEnd = (int) Math.round(FOLD_TRAIN[i] * n);
            int end = (int) Math.round(FOLD_END[i] * n);
            folds.add(new Fold(older.subList(0, trainEnd), older.subList(trainEnd, end)));
        }
        return folds;
    }

    /** The outer split the product validates on: older 80 %, newest 20 %. */
    static Fold outer(List<LabelledLead> leads) {
        ConversionModelTraining.Split split = ConversionModelTraining.Split.byOrder(leads,
                ConversionModelTraining.TRAINING_SHARE);
        return new Fold(split.older(), split.newer());
    }

    /** Every candidate's AUC on each fold and their mean. */
    static List<Tried> search(List<LabelledLead> leads, List<Candidate> candidates, ScoringFeatures features) {
        List<Fold> folds = folds(leads);
        double[][] aucs = new double[candidates.size()][folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            double[] onFold = aucs(folds.get(f), candidates, features);
            for (int c = 0; c < candidates.size(); c++) {
                aucs[c][f] = onFold[c];
            }
        }
        return IntStream.range(0, candidates.size()).mapToObj(c -> new Tried(candidates.get(c), aucs[c],
                java.util.Arrays.stream(aucs[c]).average().orElseThrow())).toList();
    }

    /** Highest mean; of those within {@link #SAME_AUC}, the lowest cost; on equal cost C0, then the higher mean. */
    static Candidate choose(List<Tried> tried, int lrInputs) {
        double best = tried.stream().mapToDouble(Tried::meanAuc).max().orElseThrow();
        return tried.stream().filter(each -> each.meanAuc() >= best - SAME_AUC)
                .min(Comparator.comparingLong((Tried each) -> each.candidate().cost(lrInputs))
                        .thenComparing(each -> !each.candidate().id().equals(CURRENT))
                        .thenComparing(Comparator.comparingDouble(Tried::meanAuc).reversed()))
                .orElseThrow().candidate();
    }

    /** Trained on the fold's training leads, each candidate's AUC on its measured leads. */
    static double[] aucs(Fold fold, List<Candidate> candidates, ScoringFeatures features) {
        List<Map<String, Object>> trainingFeatures = fold.training().stream().map(lead -> features.of(lead.lead()))
                .toList();
        FeatureSchema schema = FeatureSchema.learn(trainingFeatures);
        List<List<FeatureSchema.Input>> measured = fold.measured().stream()
                .map(lead -> schema.encode(features.of(lead.lead()))).toList();
        // a member's log-odds on the measured leads, trained once per fold even when candidates share it
        Map<Member, double[]> logOddsOf = new HashMap<>();
        double[] aucs = new double[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            double[] sum = new double[measured.size()];
            for (Member member : candidates.get(c).members()) {
                double[] logOdds = logOddsOf.computeIfAbsent(new Member(member.trees(), member.halfLife(),
                        member.seed(), 1), key -> {
                    Model<Label> model = train(key, schema, trainingFeatures, fold.training());
                    return measured.stream().mapToDouble(inputs -> logOdds(model, inputs)).toArray();
                });
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += member.share() * logOdds[i];
                }
            }
            List<Validation.Scored> scored = new ArrayList<>(sum.length);
            for (int i = 0; i < sum.length; i++) {
                scored.add(new Validation.Scored(1 / (1 + Math.exp(-sum[i])), fold.measured().get(i).converted()));
            }
            aucs[c] = Validation.auc(scored);
        }
        return aucs;
    }

    static Model<Label> train(Member member, FeatureSchema schema, List<Map<String, Object>> features,
                              List<LabelledLead> leads) {
        MutableDataset<Label> dataset = member.weighted()
                ? weightedDataset(schema, features, leads, member.halfLife())
                : ConversionModelTraining.dataset(schema, features, leads);
        if (member.trees() == null) {
            return Algorithm.LOGISTIC_REGRESSION.train(dataset);
        }
        return member.trees().trainer(leads.size(), member.seed()).train(dataset);
    }


    /**
     * Weight of the training lead of rank r (0 the oldest, m - 1 the newest, leads in order):
     * 0.5^((m - 1 - r) / (halfLife × m)), rescaled to a mean of 1 so that a leaf's least weight keeps its meaning.
     */
    static double[] recencyWeights(int m, double halfLife) {
        double[] weights = new double[m];
        double sum = 0;
        for (int r = 0; r < m; r++) {
            weights[r] = Math.pow(0.5, (m - 1 - r) / (halfLife * m));
            sum += weights[r];
        }
        for (int r = 0; r < m; r++) {
            weights[r] *= m / sum;
        }
        return weights;
    }

    static MutableDataset<Label> weightedDataset(FeatureSchema schema, List<Map<String, Object>> features,
                                                 List<LabelledLead> leads, double halfLife) {
        for (int i = 1; i < leads.size(); i++) {
            if (leads.get(i).order() < leads.get(i - 1).order()) {
                throw new IllegalArgumentException("training leads must be in order");
            }
        }
        double[] weights = recencyWeights(leads.size(), halfLife);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("labelled leads, weighted by recency", LABELS), LABELS);
        for (int i = 0; i < leads.size(); i++) {
            Example<Label> example = ConversionModel.example(schema.encode(features.get(i)),
                    new Label(leads.get(i).converted() ? ConversionModel.CONVERTED : ConversionModel.NOT_CONVERTED));
            example.setWeight((float) weights[i]);
            dataset.add(example);
        }
        return dataset;
    }

    static double logOdds(Model<Label> model, List<FeatureSchema.Input> inputs) {
        double p = ConversionModel.probability(model, inputs);
        p = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(p / (1 - p));
    }

    /** The logistic regression's inputs on the older 80 %: its cost to explain, one weight per input. */
    static int lrInputs(List<LabelledLead> leads, ScoringFeatures features) {
        List<LabelledLead> older = outer(leads).training();
        List<Map<String, Object>> olderFeatures = older.stream().map(lead -> features.of(lead.lead())).toList();
        return ConversionModelTraining.dataset(FeatureSchema.learn(olderFeatures), olderFeatures, older)
                .getFeatureMap().size();
    }

    public static void main(String[] args) {
        boolean withOuter = List.of(args).contains("--outer");
        ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());
        List<LabelledLead> leads = XEducationHistory.labelledLeads();
        List<Candidate> candidates = candidates();
        int lrInputs = lrInputs(leads, features);
        long start = System.nanoTime();
        List<Tried> tried = search(leads, candidates, features);
        Candidate chosen = choose(tried, lrInputs);
        List<Fold> folds = folds(leads);
        System.out.printf(Locale.ROOT, "folds (train/measure): %s; logistic regression inputs: %d; inner search %.0f s%n",
                folds.stream().map(fold -> fold.training().size() + "/" + fold.measured().size()).toList(), lrInputs,
                (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "chosen by the rule: %s (%s)%n%n", chosen.id(), chosen.description());
        double[] outerAucs = withOuter ? aucs(outer(leads), candidates, features) : null;
        System.out.println("| id | candidate | cost | fold A | fold B | fold C | mean inner" + (withOuter
                ? " | outer (not used to choose) |" : " |"));
        System.out.println("|---|---|---|---|---|---|---|" + (withOuter ? "---|" : ""));
        for (int c = 0; c < tried.size(); c++) {
            Tried each = tried.get(c);
            System.out.printf(Locale.ROOT, "| %s | %s%s | %,d | %.4f | %.4f | %.4f | %.4f |%s%n", each.candidate().id(),
                    each.candidate().description(), each.candidate() == chosen ? " **chosen**" : "",
                    each.candidate().cost(lrInputs), each.foldAucs()[0], each.foldAucs()[1], each.foldAucs()[2],
                    each.meanAuc(), withOuter ? String.format(Locale.ROOT, " %.4f |", outerAucs[c]) : "");
        }
    }
}
