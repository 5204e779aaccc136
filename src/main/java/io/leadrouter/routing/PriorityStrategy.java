package io.leadrouter.routing;

import java.util.List;

import org.springframework.stereotype.Component;

import io.leadrouter.team.Rep;

/**
 * Priority tiers: a HOT lead goes to the most senior eligible tier of the team (seniority 3 is
 * the most experienced), WARM and COLD leads spread over the other reps, so seniors keep time
 * for the best leads. Within the group, the rep longest waiting gets it (the round-robin order).
 * If the team has only one tier among its eligible reps, everybody is in the group.
 */
@Component
class PriorityStrategy implements RoutingStrategy {

    static final String KEY = "priority";

    private final TeamCandidates candidates;

    PriorityStrategy(TeamCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Choice choose(Request request) {
        TeamCandidates.Assessed team = candidates.assess("Priority routing", request);
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Rep> eligible = team.eligible().stream().map(Assessment::rep).toList();
        int topTier = eligible.stream().mapToInt(Rep::getSeniority).max().orElseThrow();
        boolean hot = "HOT".equals(request.lead().tier());
        List<Rep> group = eligible.stream().filter(rep -> hot == (rep.getSeniority() == topTier)).toList();
        String groupName = hot ? "the most senior eligible tier (seniority " + topTier + ")"
                : "reps below the top tier (seniority " + topTier + ")";
        if (group.isEmpty()) {
            group = eligible;
            groupName = "all eligible reps (the team has one tier)";
        }
        List<Ranked> ranking = new java.util.ArrayList<>(RoundRobinStrategy.inTurn(group));
        eligible.stream().filter(rep -> !ranking.stream().map(Ranked::rep).toList().contains(rep))
                .sorted(RoundRobinStrategy.LONGEST_WAITING)
                .forEach(rep -> ranking.add(new Ranked(rep, "seniority " + rep.getSeniority()
                        + " is not in the group for a " + request.lead().tier() + " lead")));
        Rep chosen = ranking.get(0).rep();
        chosen.takeRoundRobinTurn(team.team().nextRoundRobinTurn());
        return new Choice(team.all(), ranking, "Priority routing in team " + team.team().getId() + ": "
                + request.lead().tier() + " lead to " + groupName + "; " + chosen.getName() + " was next in turn");
    }
}
