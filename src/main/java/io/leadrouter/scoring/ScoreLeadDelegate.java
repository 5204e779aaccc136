package io.leadrouter.scoring;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.HistoryFreeProcessVariables;
import io.leadrouter.lead.ConversionScore;

/**
 * BPMN "Score lead". The tier travels as its name, the word the DMN and the forms use. When the
 * published conversion model scored the lead, the process also gets, for the forms and the Tasklist
 * card, its probability as words, {@code conversionProbabilityText} ("72 %"), and its factors,
 * {@code scoreFactorsText} (one per line). They copy the lead's own columns (which
 * {@code GET /api/leads/{id}} and the decisions read, {@code conversionProbability} among the
 * decisions' inputs), so Camunda's history does not record them: a scored lead costs the engine two
 * runtime rows, no history rows. Without a model neither is set, and a lead scored again without one
 * loses those of an earlier scoring.
 */
@Component
class ScoreLeadDelegate implements JavaDelegate {

    static final String PROBABILITY_TEXT = "conversionProbabilityText";
    static final String FACTORS_TEXT = "scoreFactorsText";

    private final LeadScoring scoring;

    ScoreLeadDelegate(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @Bean
    static HistoryFreeProcessVariables conversionWords() {
        return new HistoryFreeProcessVariables(Set.of(PROBABILITY_TEXT, FACTORS_TEXT));
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadScoring.Score score = scoring.score((String) execution.getVariable("leadId"));
        execution.setVariable("score", score.score());
        execution.setVariable("tier", score.tier() == null ? null : score.tier().name());
        ConversionScore conversion = score.conversion();
        if (conversion != null) {
            execution.setVariable(PROBABILITY_TEXT, percent(conversion.probability()));
            execution.setVariable(FACTORS_TEXT, conversion.factors().stream().map(ConversionScore.Factor::words)
                    .collect(Collectors.joining("\n")));
        } else if (execution.hasVariable(PROBABILITY_TEXT)) {
            execution.setVariable(PROBABILITY_TEXT, null);
            execution.setVariable(FACTORS_TEXT, null);
        }
    }

    /** "72 %": whole percent, as sales ops read it. */
    static String percent(double probability) {
        return Math.round(probability * 100) + " %";
    }
}
