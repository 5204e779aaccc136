package io.leadrouter.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadTier;
import io.leadrouter.team.Rep;

/**
 * Priority tiers: a HOT lead goes to the most senior eligible tier of the team (seniority 3 is
 * the most experienced), WARM and COLD leads spread over the other reps, so seniors keep time
 * for the best leads. Within the group, the rep longest waiting gets it (the round-robin order).
 * If the team has only one tier among its eligible reps, everybody is in the group. A large
 * team is assessed in that order only until the group's next rep ({@link TeamCandidates.Paged}).
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
        TeamCandidates.Assessed team = candidates.paged(request)
                .filter(paged -> assessGroup(paged, request.lead().tier() == LeadTier.HOT))
                .map(TeamCandidates.Paged::assessed)
                .orElseGet(() -> candidates.assess("Priority routing", request));
        if (team.nobody() != null) {
            return Choice.nobody(team.all(), team.nobody());
        }
        List<Rep> eligible = team.eligible().stream().map(Assessment::rep).toList();
        int topTier = eligible.stream().mapToInt(Rep::getSeniority).max().orElseThrow();
        boolean hot = request.lead().tier() == LeadTier.HOT;
        List<Rep> group = eligible.stream().filter(rep -> hot == (rep.getSeniority() == topTier)).toList();
        String groupName = hot ? "the most senior eligible tier (seniority " + topTier + ")"
                : "reps below the top tier (seniority " + topTier + ")";
        if (group.isEmpty()) {
            group = eligible;
            groupName = "all eligible reps (the team has one tier)";
        }
        List<Ranked> ranking = new java.util.ArrayList<>(RoundRobinStrategy.inTurn(group, team.rotation()));
        eligible.stream().filter(rep -> !ranking.stream().map(Ranked::rep).toList().contains(rep))
                .sorted(team.rotation().longestWaiting())
                .forEach(rep -> ranking.add(new Ranked(rep, "seniority " + rep.getSeniority()
                        + " is not in the group for a " + request.lead().tier() + " lead")));
        Rep chosen = ranking.get(0).rep();
        team.rotation().takeRoundRobinTurn(chosen);
        return new Choice(team.all(), ranking, "Priority routing in team " + team.team().getId() + ": "
                + request.lead().tier() + " lead to " + groupName + "; " + chosen.getName() + " was next in turn ("
                + TeamCandidates.eligibleCount(team, "by seniority and turn") + ")");
    }

    /**
     * In a large team, assesses the reps the rule below needs: the most senior tier at work
     * (its longest waiting first), and for other leads the reps below it in turn order, or
     * everyone in turn order when the team has one tier. False when nobody is at work.
     */
    private static boolean assessGroup(TeamCandidates.Paged paged, boolean hot) {
        Optional<Assessment> top = paged.firstAtWork(TeamCandidates.BY_SENIORITY);
        if (top.isEmpty()) {
            return false;
        }
        if (!hot && paged.firstAtWork(TeamCandidates.inTurnBelow(top.get().rep().getSeniority())).isEmpty()) {
            paged.firstAtWork(TeamCandidates.IN_TURN);
        }
        return true;
    }
}
