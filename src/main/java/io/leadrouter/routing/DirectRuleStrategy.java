package io.leadrouter.routing;

import java.util.List;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Territory / direct rules: the routing rule names the rep. A named rep who cannot take the
 * lead now (away, inactive, at a cap, had it before) is not given it; the fallback chain or
 * manual assignment takes over, with the reason.
 */
@Component
class DirectRuleStrategy implements RoutingStrategy {

    static final String KEY = "direct";

    private final RepRepository reps;
    private final CandidatePool pool;

    DirectRuleStrategy(RepRepository reps, CandidatePool pool) {
        this.reps = reps;
        this.pool = pool;
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
        List<Assessment> assessed = pool.assess(List.of(rep), request.hadLeadBefore());
        Assessment named = assessed.get(0);
        if (!named.eligible()) {
            return Choice.nobody(assessed, "The routing rule names " + rep.getName() + ", who is "
                    + named.exclusion().reason());
        }
        return new Choice(assessed, List.of(new Ranked(rep, "named by the routing rule")),
                "The routing rule names " + rep.getName());
    }
}
