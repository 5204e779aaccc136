package io.leadrouter.scoring.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.scoring.registry.ScoringModels;

/**
 * BPMN "Reject scoring model": sales ops keep the published model, or the candidate expired
 * undecided; the candidate {@code version} becomes REJECTED. One that was published or rejected
 * meanwhile (through the API) stays as it is.
 */
@Component
class RejectScoringModelDelegate implements JavaDelegate {

    private final ScoringModels models;

    RejectScoringModelDelegate(ScoringModels models) {
        this.models = models;
    }

    @Override
    public void execute(DelegateExecution execution) {
        models.reject((Integer) execution.getVariable("version"));
    }
}
