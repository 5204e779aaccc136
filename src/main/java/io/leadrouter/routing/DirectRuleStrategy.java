package io.leadrouter.routing;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Territory / direct rules: the routing rule names the rep. A named rep who is away or
 * inactive is not given the lead; it goes to manual assignment with the reason.
 */
@Component
class DirectRuleStrategy implements RoutingStrategy {

    static final String KEY = "direct";

    private final RepRepository reps;

    DirectRuleStrategy(RepRepository reps) {
        this.reps = reps;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        if (request.namedRep() == null) {
            return Choice.nobody("The direct routing rule names no rep");
        }
        Rep rep = reps.findById(request.namedRep()).orElse(null);
        if (rep == null) {
            return Choice.nobody("The routing rule names rep '" + request.namedRep() + "', who does not exist");
        }
        if (!rep.isActive()) {
            return Choice.nobody("The routing rule names " + rep.getName() + ", who is inactive");
        }
        if (!rep.isAvailable()) {
            return Choice.nobody("The routing rule names " + rep.getName() + ", who is unavailable");
        }
        return Choice.of(rep, "The routing rule names " + rep.getName());
    }
}
