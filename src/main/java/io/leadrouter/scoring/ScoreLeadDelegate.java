package io.leadrouter.scoring;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.ConversionScore;
import io.leadrouter.lead.LeadDecisionInputs;

/**
 * BPMN "Score lead". The tier travels as its name, the word the DMN and the forms use. When the
 * published conversion model scored the lead, the process also gets its probability
 * ({@code conversionProbability}, 0 to 1) and, for the forms and the Tasklist card, the same as
 * words: {@code conversionProbabilityText} ("72 %") and {@code scoreFactorsText} (the factors, one
 * per line). Without a model none of them is set (no variable rows per lead), and a lead scored
 * again without one loses those of an earlier scoring.
 */
@Component
class ScoreLeadDelegate implements JavaDelegate {

    static final String PROBABILITY_TEXT = "conversionProbabilityText";
    static final String FACTORS_TEXT = "scoreFactorsText";

    private final LeadScoring scoring;

    ScoreLeadDelegate(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadScoring.Score score = scoring.score((String) execution.getVariable("leadId"));
        execution.setVariable("score", score.score());
        execution.setVariable("tier", score.tier() == null ? null : score.tier().name());
        ConversionScore conversion = score.conversion();
        if (conversion != null) {
            execution.setVariable(LeadDecisionInputs.CONVERSION_PROBABILITY, conversion.probability());
            execution.setVariable(PROBABILITY_TEXT, percent(conversion.probability()));
            execution.setVariable(FACTORS_TEXT, conversion.factors().stream().map(ConversionScore.Factor::words)
                    .collect(Collectors.joining("\n")));
        } else if (execution.hasVariable(LeadDecisionInputs.CONVERSION_PROBABILITY)) {
            execution.setVariable(LeadDecisionInputs.CONVERSION_PROBABILITY, null);
            execution.setVariable(PROBABILITY_TEXT, null);
            execution.setVariable(FACTORS_TEXT, null);
        }
    }

    /** "72 %": whole percent, as sales ops read it. */
    static String percent(double probability) {
        return Math.round(probability * 100) + " %";
    }
}
