package io.leadrouter.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.leadrouter.lead.LeadTier;
import io.leadrouter.team.Rep;

/**
 * One way of choosing a rep for a lead. Each strategy is one Spring bean, found by its
 * {@link #key()}: the name sales ops use in {@code routing-rules.dmn} (strategy and fallbacks)
 * and that a route task may pin with its {@code routingStrategy} input. Adding a strategy is
 * adding an implementation, and an element template "Route: …" if modelers should be able to pin
 * it on a task; the diagram's one "Route lead" task runs every strategy.
 *
 * <p>Strategies run inside the routing transaction. They assess candidates through
 * {@link CandidatePool}, which locks the team rows first, and may update the state their
 * fairness depends on; whatever they update rolls back with the transaction.
 */
public interface RoutingStrategy {

    String key();

    Choice choose(Request request);

    /** What a strategy is asked: the lead, the team chosen by the rules, a rep a rule named, reps who had the lead. */
    record Request(RoutedLead lead, String team, String namedRep, Set<String> hadLeadBefore) {
    }

    /** The lead's facts strategies decide on. */
    record RoutedLead(String id, String email, String company, String website, String product, String industry,
                      LeadTier tier, Integer score) {
    }

    /** An eligible rep in the strategy's order, and why it stands there. */
    record Ranked(Rep rep, String why) {
    }

    /**
     * The strategy's answer: every assessed candidate, the eligible ones in rank order (the first
     * is chosen; empty when nobody is eligible) and the reason in words a rep understands.
     */
    record Choice(List<Assessment> assessed, List<Ranked> ranking, String reason) {

        public Optional<Rep> chosen() {
            return ranking.isEmpty() ? Optional.empty() : Optional.of(ranking.get(0).rep());
        }

        public static Choice nobody(String reason) {
            return new Choice(List.of(), List.of(), reason);
        }

        public static Choice nobody(List<Assessment> assessed, String reason) {
            return new Choice(assessed, List.of(), reason);
        }
    }
}
