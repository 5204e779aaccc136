package io.leadrouter.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Score lead". The tier travels as its name, the word the DMN and the forms use. */
@Component
class ScoreLeadDelegate implements JavaDelegate {

    private final LeadScoring scoring;

    ScoreLeadDelegate(LeadScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadScoring.Score score = scoring.score((String) execution.getVariable("leadId"));
        execution.setVariable("score", score.score());
        execution.setVariable("tier", score.tier() == null ? null : score.tier().name());
    }
}
