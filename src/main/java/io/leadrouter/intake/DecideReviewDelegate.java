package io.leadrouter.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.TransientVariables;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadVariables;

/**
 * BPMN "Decide review": the review policy ({@link ReviewPolicy}, {@code lead-review.dmn}) holds the
 * lead for Review lead or lets it go on. A held lead gets what the Review lead form shows: the
 * fields a reviewer corrects, the problems, and why it is held ({@code reviewReasons}). A lead
 * the reviewer accepted ({@code reviewDecision} ACCEPT) is not held again. {@code heldForReview}
 * is read only by the gateway right after, so it is transient.
 */
@Component
class DecideReviewDelegate implements JavaDelegate {

    private final ReviewPolicy policy;
    private final LeadRepository leads;

    DecideReviewDelegate(ReviewPolicy policy, LeadRepository leads) {
        this.policy = policy;
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String leadId = (String) execution.getVariable("leadId");
        boolean accepted = "ACCEPT".equals(execution.getVariable("reviewDecision"));
        ReviewPolicy.Verdict verdict = policy.decide(leadId, accepted);
        if (verdict.held()) {
            execution.setVariables(LeadVariables.review(leads.require(leadId)));
            execution.setVariable("reviewReasons", verdict.heldReasons());
        }
        TransientVariables.set(execution, "heldForReview", verdict.held());
    }
}
