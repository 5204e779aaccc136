package io.leadrouter.scoring.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.scoring.registry.ScoringModels;

/**
 * BPMN "Publish scoring model": publishes the candidate {@code version} in the name of the sales ops
 * user who approved it ({@code approvedBy}, recorded by {@link RecordApproverListener} from who
 * completed the task, never from the form). A model that is no longer a candidate fails the
 * completion (409 problem), and the task stays open for "Keep current".
 */
@Component
class PublishScoringModelDelegate implements JavaDelegate {

    private final ScoringModels models;

    PublishScoringModelDelegate(ScoringModels models) {
        this.models = models;
    }

    @Override
    public void execute(DelegateExecution execution) {
        models.publish((Integer) execution.getVariable("version"), (String) execution.getVariable("approvedBy"));
    }
}
