package io.leadrouter.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.engine.Decisions;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadDecisionInputs;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.normalise.Countries;

/**
 * Chooses the team and routing strategy of a lead with the modelers' DMN
 * {@code routing-rules.dmn} (hit policy FIRST, a catch-all last rule), which reads the lead's
 * inputs ({@link LeadDecisionInputs}: its fields, attributes, region, funnel stage, tier).
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

    /**
     * The matched rule: team, strategy key, a named rep (direct rules only), the strategies to
     * try next when the first finds nobody, and the rule with its model version.
     */
    public record Route(String team, String strategy, String rep, List<String> fallback, RuleSource rule) {

        /** The strategy, then the fallbacks: what "Route lead" tries in order. */
        StrategyChain chain() {
            return new StrategyChain(strategy, fallback);
        }
    }

    @Transactional(readOnly = true)
    public Route choose(String leadId) {
        Lead lead = leads.require(leadId);
        Decisions.Evaluated rule = decisions.evaluateLatestSingle(DECISION, LeadDecisionInputs.of(lead));
        Map<String, Object> outputs = rule.entries();
        return new Route((String) outputs.get("team"), (String) outputs.get("strategy"), (String) outputs.get("rep"),
                chain((String) outputs.get("fallback")),
                new RuleSource((String) outputs.get("ruleName"), DECISION, rule.version()));
    }

    /** "capacity, round-robin" as a list; null or blank: no fallback. */
    public static List<String> chain(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
