package io.leadrouter.sla;

import java.util.Map;

import org.springframework.stereotype.Service;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;

/** The response SLA of a lead's tier, from the modelers' DMN {@code response-sla.dmn}. */
@Service
public class ResponseSla {

    static final String DECISION = "responseSla";

    private final Decisions decisions;

    ResponseSla(Decisions decisions) {
        this.decisions = decisions;
    }

    /** How much business time the rep has, and after which share of it they are reminded. */
    public record Terms(BusinessTime responseTime, double reminderAt) {

        public Terms {
            if (!(reminderAt > 0 && reminderAt < 1)) {
                throw new IllegalArgumentException("reminderAt must be a share of the response time between 0 and 1, "
                        + "not " + reminderAt);
            }
        }

        static Terms of(Object responseTime, Object reminderAt) {
            if (!(responseTime instanceof String text)) {
                throw new IllegalArgumentException("responseTime must be an ISO-8601 duration text, not " + responseTime);
            }
            if (!(reminderAt instanceof Number share)) {
                throw new IllegalArgumentException("reminderAt must be a number, not " + reminderAt);
            }
            return new Terms(BusinessTime.parse(text), share.doubleValue());
        }
    }

    /** The terms for this lead; the decision reads the lead's inputs ({@link LeadDecisionInputs}), its tier above all. */
    public Terms terms(Lead lead) {
        // the decision's outputs by name, read as a plain map (no engine types in the domain)
        Map<String, Object> result = decisions.evaluateSingle(DECISION, LeadDecisionInputs.of(lead));
        return Terms.of(result.get("responseTime"), result.get("reminderAt"));
    }
}
