package io.leadrouter.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The search that chose the trees' settings: it learns and measures on the older 80 % of the leads
 * only, so the newest 20 % (the validation a model is published on) cannot have swayed the choice.
 */
class TreeSettingsSearchTest {

    private final ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());

    /** Deep trees that learn the noise, stumps that learn little, and the chosen settings. */
    private static final List<TreeSettings> GRID = List.of(new TreeSettings(30, 0.3, 4, 0, 1, 1),
            new TreeSettings(10, 0.1, 1, 0.02, 0.8, 0.5), TreeSettings.CHOSEN);

    /** 400 leads: the more visits and minutes, the likelier converted, with noise beside. */
    private static List<LabelledLead> history() {
        Random random = new Random(16);
        List<LabelledLead> leads = new ArrayList<>();
        for (int order = 1; order <= 400; order++) {
            int visits = random.nextInt(10);
            int minutes = random.nextInt(30);
            boolean converted = random.nextDouble() < (visits + minutes / 3.0) / 20;
            leads.add(new LabelledLead(ScoringFeaturesTest.lead("ada@gmail.com", String.format(Locale.ROOT,
                    "{\"totalVisits\": %d, \"timeOnSiteSeconds\": %d, \"noise\": %d}", visits, 60 * minutes,
                    random.nextInt(5))), converted, order));
        }
        return leads;
    }

    @Test
    void theNewestFifthsOutcomesChangeNothingTheSearchMeasuresOrChooses() {
        List<LabelledLead> history = history();
        List<LabelledLead> validationShuffled = ShuffledOutcomes.of(history, 320, 400);

        List<TreeSettingsSearch.Tried> tried = TreeSettingsSearch.search(history, GRID, features);
        List<TreeSettingsSearch.Tried> triedShuffled = TreeSettingsSearch.search(validationShuffled, GRID, features);

        assertThat(triedShuffled).isEqualTo(tried);
        assertThat(TreeSettingsSearch.choose(triedShuffled)).isEqualTo(TreeSettingsSearch.choose(tried));
        assertThat(tried).allSatisfy(each -> assertThat(each.innerAuc()).isBetween(0.5, 1.0));
    }

    @Test
    void theTrainingLeadsOutcomesDoChangeWhatTheSearchMeasures() {
        List<LabelledLead> history = history();
        List<LabelledLead> innerShuffled = ShuffledOutcomes.of(history, 0, 320);

        // the test above proves something only if the search reads outcomes at all
        assertThat(TreeSettingsSearch.search(innerShuffled, GRID, features))
                .isNotEqualTo(TreeSettingsSearch.search(history, GRID, features));
    }

    @Test
    void ofTheSettingsWithinOneThousandthOfTheBestAucTheCheapestToExplainIsChosen() {
        TreeSettings deep = new TreeSettings(150, 0.1, 4, 0, 0.8, 0.8);
        TreeSettings stumps = new TreeSettings(300, 0.1, 1, 0.02, 0.8, 0.5);
        TreeSettings fewStumps = new TreeSettings(150, 0.1, 1, 0.02, 0.8, 0.5);

        assertThat(TreeSettingsSearch.choose(List.of(new TreeSettingsSearch.Tried(deep, 0.9300),
                new TreeSettingsSearch.Tried(stumps, 0.9295), new TreeSettingsSearch.Tried(fewStumps, 0.9250))))
                .isEqualTo(stumps);
        assertThat(TreeSettingsSearch.choose(List.of(new TreeSettingsSearch.Tried(deep, 0.9320),
                new TreeSettingsSearch.Tried(stumps, 0.9295)))).isEqualTo(deep);
    }

    @Test
    void theLeafWeightGrowsWithTheLeadsSoASmallHistoryStillSplits() {
        assertThat(TreeSettings.CHOSEN.trainer(5_899).toString()).contains("min_child_weight=58.99");
        assertThat(TreeSettings.CHOSEN.trainer(160).toString()).contains("min_child_weight=1.6");
        assertThat(TreeSettings.CHOSEN.trainer(20).toString()).contains("min_child_weight=1.0");
    }
}
