package io.leadrouter.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A FEEL string literal as a modeler writes one in a cell: {@code "east"}. */
    private static final Pattern TEXT_LITERAL = Pattern.compile("^\"([^\"]*)\"$");

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

    /** One way a team gets leads: the strategies tried in order, and the names of the rules that use them. */
    public record TeamRoute(List<String> strategies, List<String> rules) {
    }

    /**
     * How the latest routing rules send leads to this team, as the table says it (read, not
     * evaluated): each distinct chain of strategies (strategy, then fallbacks) with the names of
     * the rules that name the team and use it, in table order. A rule whose team cell is an
     * expression rather than a text literal names no team here.
     */
    public List<TeamRoute> routesTo(String teamId) {
        Map<List<String>, List<String>> rulesByChain = new LinkedHashMap<>();
        List<Map<String, String>> rules = decisions.ruleOutputs(DECISION);
        for (int i = 0; i < rules.size(); i++) {
            Map<String, String> rule = rules.get(i);
            if (!teamId.equals(literal(rule.get("team")))) {
                continue;
            }
            List<String> strategies = new ArrayList<>();
            String strategy = literal(rule.get("strategy"));
            if (strategy != null && !strategy.isBlank()) {
                strategies.add(strategy.trim());
            }
            strategies.addAll(chain(literal(rule.get("fallback"))));
            String name = literal(rule.get("ruleName"));
            rulesByChain.computeIfAbsent(List.copyOf(strategies), chain -> new ArrayList<>())
                    .add(name == null || name.isBlank() ? "rule " + (i + 1) : name);
        }
        return rulesByChain.entrySet().stream()
                .map(route -> new TeamRoute(route.getKey(), List.copyOf(route.getValue())))
                .toList();
    }

    /** The text of a cell that holds a string literal ({@code "east"}); null for anything else. */
    private static String literal(String cell) {
        if (cell == null) {
            return null;
        }
        Matcher text = TEXT_LITERAL.matcher(cell.trim());
        return text.matches() ? text.group(1) : null;
    }
}
