package io.leadrouter.scoring;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.normalise.Emails;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.system.Decisions;

/** Qualifies a scored lead with the modelers' DMN {@code lead-qualification.dmn}. */
@Service
public class LeadQualification {

    static final String DECISION = "leadQualification";

    private final LeadRepository leads;
    private final Decisions decisions;

    LeadQualification(LeadRepository leads, Decisions decisions) {
        this.leads = leads;
        this.decisions = decisions;
    }

    /** {@code qualification} is DISQUALIFIED, NURTURE or SALES_READY. */
    public record Qualification(String qualification, String reason) {
    }

    @Transactional
    public Qualification qualify(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("emailDomain", lead.getEmail() == null ? null : Emails.domain(lead.getEmail()));
        inputs.put("company", lead.getCompany());
        inputs.put("tier", lead.getTier());
        inputs.put("score", lead.getScore());
        DmnDecisionResultEntries result = decisions.evaluateSingle(DECISION, inputs);
        Qualification qualification = new Qualification(result.getEntry("qualification"),
                result.getEntry("qualificationReason"));
        lead.recordQualification(qualification.qualification(), qualification.reason());
        return qualification;
    }
}
