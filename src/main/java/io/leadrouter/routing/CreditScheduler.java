package io.leadrouter.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Share-based fair scheduling (the "smooth weighted round-robin" of nginx, with shares that may
 * change from lead to lead): every eligible rep earns its share of each lead as credit, the rep
 * with the most credit gets the lead and pays one lead of credit for it.
 *
 * <p>With fixed shares, after n leads every rep has received n × share rounded up or down: the
 * counts stay within one lead of the exact proportion over any run of leads. Credit is only
 * earned while eligible, so an absent rep neither piles up a catch-up debt nor loses its place.
 */
final class CreditScheduler {

    private CreditScheduler() {
    }

    /** The outcome: eligible reps by credit (most first; the first is chosen) and the credits to store. */
    record Turn(List<String> ranking, Map<String, Double> credits) {
    }

    /**
     * @param credits the stored credit of each eligible rep (absent: 0)
     * @param shares  each eligible rep's share of a lead; positive, summing to 1
     */
    static Turn next(Map<String, Double> credits, Map<String, Double> shares) {
        Map<String, Double> updated = new HashMap<>();
        shares.forEach((rep, share) -> updated.put(rep, credits.getOrDefault(rep, 0.0) + share));
        List<String> ranking = new ArrayList<>(updated.keySet());
        ranking.sort(Comparator.<String>comparingDouble(updated::get).reversed().thenComparing(Comparator.naturalOrder()));
        updated.merge(ranking.get(0), -1.0, Double::sum);
        return new Turn(List.copyOf(ranking), updated);
    }
}
