package io.leadrouter.routing;

import java.util.Optional;

import io.leadrouter.team.Rep;

/**
 * One way of choosing a rep for a lead. Each strategy is one Spring bean; its {@link #key()} is
 * the name sales ops use in {@code routing-rules.dmn} and in the BPMN route task's
 * {@code routingStrategy} input. Adding a strategy is adding an implementation.
 *
 * <p>Strategies run inside the routing transaction and may lock and update the state their
 * fairness depends on; whatever they update is rolled back with the transaction.
 */
public interface RoutingStrategy {

    String key();

    Choice choose(Request request);

    /** What a strategy is asked: the lead, the team chosen by the rules, and a rep if a rule named one. */
    record Request(String leadId, String team, String namedRep) {
    }

    /** The chosen rep (empty when nobody is eligible) and the reason, in words a rep understands. */
    record Choice(Optional<Rep> rep, String reason) {

        public static Choice of(Rep rep, String reason) {
            return new Choice(Optional.of(rep), reason);
        }

        public static Choice nobody(String reason) {
            return new Choice(Optional.empty(), reason);
        }
    }
}
