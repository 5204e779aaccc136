package io.leadrouter.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The second AUC round's search: it reads the older 80 % of the leads only, recency weights reach
 * XGBoost, and the rule keeps the current setting unless another beats it by more than a thousandth.
 */
class ScoringCandidatesSearchTest {

    private final ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());

    /** The current setting, a recency-weighted one, and a blend with the logistic regression. */
    private static final List<ScoringCandidatesSearch.Candidate> FEW = List.of(
            ScoringCandidatesSearch.candidates().get(0), ScoringCandidatesSearch.candidates().get(2),
            ScoringCandidatesSearch.candidates().get(7));

    /** 400 leads: the more visits and minutes, the likelier converted; later leads convert on minutes more. */
    private static List<LabelledLead> history() {
        Random random = new Random(16);
        List<LabelledLead> leads = new ArrayList<>();
        for (int order = 1; order <= 400; order++) {
            int visits = random.nextInt(10);
            int minutes = random.nextInt(30);
            double late = order / 400.0;
            boolean converted = random.nextDouble() < ((1 - late) * visits / 10.0 + late * minutes / 30.0);
            leads.add(new LabelledLead(ScoringFeaturesTest.lead("ada@gmail.com", String.format(Locale.ROOT,
                    "{\"totalVisits\": %d, \"timeOnSiteSeconds\": %d, \"noise\": %d}", visits, 60 * minutes,
                    random.nextInt(5))), converted, order));
        }
        return leads;
    }

    private static List<String> measured(List<ScoringCandidatesSearch.Tried> tried) {
        return tried.stream().map(each -> each.candidate().id() + Arrays.toString(each.foldAucs()) + each.meanAuc())
                .toList();
    }

    @Test
    void theNewestFifthsOutcomesChangeNothingTheSearchMeasures() {
        List<LabelledLead> history = history();
        List<LabelledLead> validationShuffled = ShuffledOutcomes.of(history, 320, 400);

        List<ScoringCandidatesSearch.Tried> tried = ScoringCandidatesSearch.search(history, FEW, features);

        assertThat(measured(ScoringCandidatesSearch.search(validationShuffled, FEW, features)))
                .isEqualTo(measured(tried));
        assertThat(tried).allSatisfy(each -> assertThat(each.meanAuc()).isBetween(0.5, 1.0));
    }

    @Test
    void theOlderLeadsOutcomesDoChangeWhatTheSearchMeasures() {
        List<LabelledLead> history = history();
        List<LabelledLead> olderShuffled = ShuffledOutcomes.of(history, 0, 320);

        assertThat(measured(ScoringCandidatesSearch.search(olderShuffled, FEW, features)))
                .isNotEqualTo(measured(ScoringCandidatesSearch.search(history, FEW, features)));
    }

    @Test
    void theFoldsRollForwardOverTheOlderFourFifthsOnly() {
        List<ScoringCandidatesSearch.Fold> folds = ScoringCandidatesSearch.folds(history());

        assertThat(folds).extracting(fold -> fold.training().size() + "/" + fold.measured().size())
                .containsExactly("176/32", "208/32", "240/80");
        assertThat(folds.get(2).measured().get(79).order()).isEqualTo(320);
        for (ScoringCandidatesSearch.Fold fold : folds) {
            assertThat(fold.training().get(fold.training().size() - 1).order())
                    .isLessThan(fold.measured().get(0).order());
        }
    }

    @Test
    void xgboostLearnsFromTheExampleWeights() {
        List<LabelledLead> leads = history();
        List<Map<String, Object>> values = leads.stream().map(lead -> features.of(lead.lead())).toList();
        FeatureSchema schema = FeatureSchema.learn(values);
        TreeSettings settings = TreeSettings.CHOSEN;

        Model<Label> plain = settings.trainer(leads.size(), 16)
                .train(ConversionModelTraining.dataset(schema, values, leads));
        Model<Label> weighted = settings.trainer(leads.size(), 16)
                .train(ScoringCandidatesSearch.weightedDataset(schema, values, leads, 0.25));
        Model<Label> evenlyWeighted = settings.trainer(leads.size(), 16)
                .train(ScoringCandidatesSearch.weightedDataset(schema, values, leads, 1e9));

        double plainDifference = 0;
        double weightedDifference = 0;
        for (Map<String, Object> lead : values) {
            List<FeatureSchema.Input> inputs = schema.encode(lead);
            plainDifference += Math.abs(ConversionModel.probability(plain, inputs)
                    - ConversionModel.probability(evenlyWeighted, inputs));
            weightedDifference += Math.abs(ConversionModel.probability(plain, inputs)
                    - ConversionModel.probability(weighted, inputs));
        }
        // weights of (almost exactly) 1 train the unweighted model; recent leads weighted higher train another
        assertThat(plainDifference / values.size()).isLessThan(1e-4);
        assertThat(weightedDifference / values.size()).isGreaterThan(0.01);
    }

    @Test
    void recencyWeightsHalveEveryHalfLifeAndAverageOne() {
        double[] weights = ScoringCandidatesSearch.recencyWeights(1_000, 0.25);

        assertThat(Arrays.stream(weights).average().orElseThrow()).isCloseTo(1, within(1e-9));
        assertThat(weights[999]).isGreaterThan(weights[998]);
        assertThat(weights[999 - 250] / weights[999]).isCloseTo(0.5, within(1e-9));
        assertThat(weights[999 - 500] / weights[999]).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theSearchsTrainerIsTheProductsWithAnotherSeed() {
        assertThat(TreeSettings.CHOSEN.trainer(5_899, 16).toString())
                .isEqualTo(TreeSettings.CHOSEN.trainer(5_899).toString());
        assertThat(TreeSettings.CHOSEN.trainer(5_899, 17).toString())
                .isNotEqualTo(TreeSettings.CHOSEN.trainer(5_899).toString());
    }

    @Test
    void theCandidatesAreTheProtocolsElevenWithTheCurrentSettingFirst() {
        List<ScoringCandidatesSearch.Candidate> candidates = ScoringCandidatesSearch.candidates();

        assertThat(candidates).extracting(ScoringCandidatesSearch.Candidate::id).containsExactly("C0", "C1", "C2",
                "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10");
        assertThat(candidates.get(0).members()).containsExactly(
                ScoringCandidatesSearch.Member.trees(TreeSettings.STUMPS, Double.NaN, 16, 1));
        // what the rule chose on X Education (C4) is what the product trains
        assertThat(candidates.get(4).members()).containsExactly(
                ScoringCandidatesSearch.Member.trees(TreeSettings.CHOSEN, Double.NaN, 16, 1));
        assertThat(candidates).allSatisfy(candidate -> assertThat(candidate.members().stream()
                .mapToDouble(ScoringCandidatesSearch.Member::share).sum()).isCloseTo(1, within(1e-9)));
        assertThat(candidates.get(6).cost(100)).isEqualTo(3_000);
        assertThat(candidates.get(7).cost(100)).isEqualTo(700);
    }

    @Test
    void theCurrentSettingStaysUnlessAnotherBeatsItByMoreThanAThousandth() {
        List<ScoringCandidatesSearch.Candidate> candidates = ScoringCandidatesSearch.candidates();
        ScoringCandidatesSearch.Tried current = tried(candidates.get(0), 0.9300);
        ScoringCandidatesSearch.Tried recent = tried(candidates.get(2), 0.9309);
        ScoringCandidatesSearch.Tried bag = tried(candidates.get(6), 0.9330);

        assertThat(ScoringCandidatesSearch.choose(List.of(current, recent), 100).id()).isEqualTo("C0");
        assertThat(ScoringCandidatesSearch.choose(List.of(current, tried(candidates.get(2), 0.9311)), 100).id())
                .isEqualTo("C2");
        assertThat(ScoringCandidatesSearch.choose(List.of(current, recent, bag), 100).id()).isEqualTo("C6");
        // within a thousandth of the bag, the cheaper recency weighting
        assertThat(ScoringCandidatesSearch.choose(List.of(current, tried(candidates.get(2), 0.9325), bag), 100).id())
                .isEqualTo("C2");
    }

    private static ScoringCandidatesSearch.Tried tried(ScoringCandidatesSearch.Candidate candidate, double mean) {
        return new ScoringCandidatesSearch.Tried(candidate, new double[] {mean, mean, mean}, mean);
    }
}
