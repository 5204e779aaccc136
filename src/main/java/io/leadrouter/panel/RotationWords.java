package io.leadrouter.panel;

import io.leadrouter.routing.RotationStandings;

/**
 * A rep's standing in the rotation said in one line each, the way the panel shows it: the place
 * or share, and the rule that gives it, in words a rep checks against what happens next.
 */
final class RotationWords {

    private RotationWords() {
    }

    /** "You are 3rd in line", "You get 2 of every 7 leads" (a team routed by weight only), or why they are skipped. */
    static String headline(RotationStandings.Standing standing, boolean weightedOnly) {
        if (!standing.eligible()) {
            return "Routing skips you right now: " + standing.skipped().reason();
        }
        if (weightedOnly) {
            return "You get " + standing.weight() + " of every " + standing.eligibleWeight() + " leads";
        }
        return "You are " + inLine(standing.roundRobinPlace());
    }

    /**
     * "You are 3rd in line: round-robin gives the next lead to whoever has waited longest since
     * their last round-robin lead, and 2 of the 5 reps who can take a lead now have waited longer than you."
     */
    static String roundRobin(RotationStandings.Standing standing) {
        if (!standing.eligible()) {
            return "Round-robin skips you right now (" + standing.skipped().reason() + "): "
                    + (standing.eligibleReps() == 0 ? "nobody in your team can take a lead now."
                            : "the next leads go to " + reps(standing.eligibleReps(), "who can take one") + ".");
        }
        int place = standing.roundRobinPlace();
        String rule = "round-robin gives the next lead to whoever has waited longest since their last "
                + "round-robin lead, and ";
        String ahead = place == 1
                ? "of " + reps(standing.eligibleReps(), "who can take a lead now") + " that is you"
                : (place - 1) + " of " + reps(standing.eligibleReps(), "who can take a lead now")
                        + (place - 1 == 1 ? " has" : " have") + " waited longer than you";
        return "You are " + inLine(place) + ": " + rule + ahead + ".";
    }

    /**
     * "You get 2 of every 7 leads: weighted round-robin shares them by weight among the 4 reps who
     * can take one now, and your weight is 2; by turn you are 3rd in line."
     */
    static String weighted(RotationStandings.Standing standing) {
        if (!standing.eligible()) {
            return "Weighted round-robin skips you right now (" + standing.skipped().reason()
                    + "): you get none of the next leads.";
        }
        return "You get " + standing.weight() + " of every " + standing.eligibleWeight()
                + " leads: weighted round-robin shares them by weight among "
                + reps(standing.eligibleReps(), "who can take one now") + ", and your weight is " + standing.weight()
                + "; by turn you are " + inLine(standing.weightedPlace()) + ".";
    }

    /** "next in line", "2nd in line", "3rd in line", "11th in line". */
    static String inLine(int place) {
        return place == 1 ? "next in line" : ordinal(place) + " in line";
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** "the 5 reps who …", "the one rep who …". */
    private static String reps(int count, String who) {
        return count == 1 ? "the one rep " + who : "the " + count + " reps " + who;
    }
}
