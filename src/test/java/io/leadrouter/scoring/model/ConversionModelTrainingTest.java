package io.leadrouter.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.leadrouter.lead.Lead;

/** Training on small hand-made histories: the split, the choice, and the factors of each algorithm. */
class ConversionModelTrainingTest {

    private final ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());

    /**
     * 200 leads, every third converted: those attended a webinar, the others did not; the visits
     * are noise; and a staff note that reads the outcome is there too, under its export name.
     */
    private static List<LabelledLead> webinarHistory() {
        Random random = new Random(16);
        List<LabelledLead> leads = new ArrayList<>();
        for (int order = 1; order <= 200; order++) {
            boolean converted = order % 3 == 0;
            Lead lead = ScoringFeaturesTest.lead("ada@gmail.com", String.format(Locale.ROOT,
                    "{\"attendedWebinar\": %s, \"totalVisits\": %d, \"Lead Quality\": \"%s\"}", converted,
                    random.nextInt(10), converted ? "High in Relevance" : "Not Sure"));
            leads.add(new LabelledLead(lead, converted, order));
        }
        return leads;
    }

    @Test
    void aFeatureThatSeparatesConvertedLeadsPerfectlyGivesAnAucOfOne() {
        ConversionModelTraining.Result result = new ConversionModelTraining(features).train(webinarHistory());

        assertThat(result.candidates()).allSatisfy(model -> assertThat(model.card().metrics().auc())
                .as(model.card().algorithm().displayName()).isEqualTo(1.0));
    }

    @Test
    void theModelLearnsFromTheOlderFourFifthsAndIsValidatedOnTheNewestFifth() {
        List<LabelledLead> shuffled = new ArrayList<>(webinarHistory());
        java.util.Collections.shuffle(shuffled, new Random(3));

        ModelCard card = new ConversionModelTraining(features).train(shuffled).chosen().card();

        assertThat(card.training()).isEqualTo(new ModelCard.DataWindow(1, 160, 53, 107));
        assertThat(card.validation()).isEqualTo(new ModelCard.DataWindow(161, 200, 13, 27));
        assertThat(card.metrics().leads()).isEqualTo(40);
    }

    @Test
    void aStaffNoteThatReadsTheOutcomeIsNotLearnedFrom() {
        ModelCard card = new ConversionModelTraining(features).train(webinarHistory()).chosen().card();

        assertThat(card.features()).containsExactlyInAnyOrder("attendedWebinar", "totalVisits", "country", "city",
                "industry", "employees", "annualRevenue", "product", "source", "language", "emailKind");
    }

    @Test
    void eachAlgorithmsFactorsAddUpToTheLeadsLogOddsBesideOneConstant() {
        List<LabelledLead> history = webinarHistory();
        for (ConversionModel model : new ConversionModelTraining(features).train(history).candidates()) {
            List<Double> constants = history.stream().limit(30).map(LabelledLead::lead).map(lead -> {
                double probability = model.probability(lead);
                double logOdds = Math.log(probability / (1 - probability));
                Algorithm.Attribution attribution = model.contributions(lead);
                assertThat(attribution.probability()).isCloseTo(probability, within(1e-5));
                return logOdds - attribution.byFeature().values().stream().mapToDouble(Double::doubleValue).sum();
            }).toList();

            assertThat(constants).as(model.card().algorithm().displayName())
                    .allSatisfy(constant -> assertThat(constant).isCloseTo(constants.get(0), within(1e-3)));
        }
    }

    @Test
    void historyWithoutConvertedLeadsAmongTheNewestFifthCannotBeValidated() {
        List<LabelledLead> history = webinarHistory().stream()
                .map(lead -> lead.order() > 160 ? new LabelledLead(lead.lead(), false, lead.order()) : lead).toList();

        assertThatThrownBy(() -> new ConversionModelTraining(features).train(history))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation leads (40) need converted and unconverted leads both");
    }
}
