package io.leadrouter.scoring.retraining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.scoring.model.ModelCard;
import io.leadrouter.scoring.registry.ScoringModelEntry;
import io.leadrouter.scoring.registry.ScoringModels;

/**
 * BPMN "Train scoring model": trains on every lead with a known outcome ({@link ScoringModels#train}),
 * by whoever started "Retrain now" ({@code startedBy}, the start event's initiator) or, for the timer
 * "Every week" (no initiator), {@link ScoringModels#SCHEDULE}. Governance has decided and, for PUBLISH,
 * published already; the variables are what the gateway reads, what the "Approve scoring model" form
 * shows and what ops see in Cockpit.
 */
@Component
class TrainScoringModelDelegate implements JavaDelegate {

    private final ScoringModels models;

    TrainScoringModelDelegate(ScoringModels models) {
        this.models = models;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String startedBy = (String) execution.getVariable("startedBy");
        // read before training: a PUBLISH verdict replaces the published model
        Double currentAuc = models.publishedEntry().map(ScoringModelEntry::auc).orElse(null);
        ScoringModelEntry trained = models.train(startedBy == null ? ScoringModels.SCHEDULE : startedBy);
        ModelCard.DataWindow training = trained.training();
        ModelCard.DataWindow validation = trained.validation();
        execution.setVariable("version", trained.version());
        execution.setVariable("verdict", trained.verdict().name());
        execution.setVariable("reason", trained.verdictReason());
        execution.setVariable("auc", trained.auc());
        execution.setVariable("currentAuc", currentAuc);
        execution.setVariable("brier", trained.brier());
        execution.setVariable("trainingLeads", leads(training));
        execution.setVariable("validationLeads", leads(validation));
        execution.setVariable("converted", (training == null ? 0 : training.converted())
                + (validation == null ? 0 : validation.converted()));
        execution.setVariable("notConverted", (training == null ? 0 : training.notConverted())
                + (validation == null ? 0 : validation.notConverted()));
        execution.setVariable("algorithm", trained.algorithm() == null ? null : trained.algorithm().displayName());
    }

    private static int leads(ModelCard.DataWindow window) {
        return window == null ? 0 : window.converted() + window.notConverted();
    }
}
