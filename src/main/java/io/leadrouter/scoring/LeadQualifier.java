package io.leadrouter.scoring;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadQualification;
import io.leadrouter.lead.LeadRepository;

/**
 * Qualifies a scored lead with the modelers' DMN {@code lead-qualification.dmn}, which reads the
 * lead's inputs ({@link LeadDecisionInputs}: its fields, attributes, e-mail domain, score, tier).
 */
@Service
public class LeadQualifier {

    static final String DECISION = "leadQualification";

    private final LeadRepository leads;
    private final Decisions decisions;

    LeadQualifier(LeadRepository leads, Decisions decisions) {
        this.leads = leads;
        this.decisions = decisions;
    }

    /** The qualification and the reason the rule gives for it. */
    public record Qualified(LeadQualification qualification, String reason) {
    }

    @Transactional
    public Qualified qualify(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> result = decisions.evaluateSingle(DECISION, LeadDecisionInputs.of(lead));
        Qualified qualified = new Qualified(
                DecisionWords.read(LeadQualification.class, DECISION, result, "qualification"),
                (String) result.get("qualificationReason"));
        lead.recordQualification(qualified.qualification(), qualified.reason());
        return qualified;
    }
}
