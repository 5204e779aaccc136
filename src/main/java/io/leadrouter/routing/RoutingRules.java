package io.leadrouter.routing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.intake.normalise.Countries;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.system.Decisions;

/**
 * Chooses the team and routing strategy of a lead with the modelers' DMN
 * {@code routing-rules.dmn} (hit policy FIRST, a catch-all last rule).
 */
@Service
public class RoutingRules {

    static final String DECISION = "routingRules";

    private final LeadRepository leads;
    private final Decisions decisions;

    RoutingRules(LeadRepository leads, Decisions decisions) {
        this.leads = leads;
        this.decisions = decisions;
    }

    /** The matched rule: team, strategy key, a named rep (direct rules only) and the rule's name. */
    public record Route(String team, String strategy, String rep, String ruleName) {
    }

    @Transactional(readOnly = true)
    public Route choose(String leadId) {
        Lead lead = leads.require(leadId);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("country", lead.getCountry());
        inputs.put("state", lead.getState());
        inputs.put("region", Countries.resolve(lead.getCountry())
                .map(Countries.Country::region)
                .map(Enum::name)
                .orElse(null));
        inputs.put("industry", lead.getIndustry());
        inputs.put("product", lead.getProduct());
        inputs.put("employees", lead.getEmployees());
        inputs.put("tier", lead.getTier());
        inputs.put("language", lead.getLanguage());
        DmnDecisionResultEntries rule = decisions.evaluateSingle(DECISION, inputs);
        return new Route(rule.getEntry("team"), rule.getEntry("strategy"), rule.getEntry("rep"),
                rule.getEntry("ruleName"));
    }
}
