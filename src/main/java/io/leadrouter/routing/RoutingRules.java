package io.leadrouter.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadAttributes;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.normalise.Countries;
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
        inputs.put("funnelStage", LeadAttributes.of(lead).text("funnelStage", "lifecycleStage", "Lead Stage"));
        Decisions.Evaluated rule = decisions.evaluateLatestSingle(DECISION, inputs);
        return new Route(rule.entries().getEntry("team"), rule.entries().getEntry("strategy"),
                rule.entries().getEntry("rep"), chain(rule.entries().getEntry("fallback")),
                new RuleSource(rule.entries().getEntry("ruleName"), DECISION, rule.version()));
    }

    /** "capacity, round-robin" as a list; null or blank: no fallback. */
    public static List<String> chain(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
