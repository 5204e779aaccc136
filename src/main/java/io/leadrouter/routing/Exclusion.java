package io.leadrouter.routing;

/**
 * Why a rep is left out of a decision: the kind, which summaries count and the routing
 * explanation names ({@code "kind"} of an excluded candidate), and the detail in words (until
 * when, how many of a cap), which may be empty.
 */
public record Exclusion(Kind kind, String detail) {

    /** The reasons a rep can be left out, each with the words that begin its reason. */
    public enum Kind {
        INACTIVE("inactive"),
        UNAVAILABLE("marked unavailable"),
        ABSENT("out of office"),
        HAD_LEAD_BEFORE("had this lead before"),
        OPEN_LEAD_CAP("at open-lead cap"),
        DAILY_CAP("at daily cap"),
        WEEKLY_CAP("at weekly cap"),
        /** Only while colleagues are within theirs: then working hours exclude. */
        OUTSIDE_WORKING_HOURS("outside working hours"),
        /** Capacity routing's catch-up bound after an absence. */
        CAUGHT_UP("caught up enough for now"),
        /** Eligible, but the strategy chose among a group the rep is not in. */
        NOT_IN_GROUP("not in the strategy's group");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind in words, as summaries count it ("3 marked unavailable"). */
        public String words() {
            return words;
        }

        /** This kind with a detail ("until 2026-12-24T00:00:00Z", "(3 of 3)"). */
        Exclusion because(String detail) {
            return new Exclusion(this, detail);
        }

        /** This kind without a detail. */
        Exclusion plain() {
            return new Exclusion(this, "");
        }
    }

    /** The reason in words: the kind and its detail ("at open-lead cap (3 of 3)"). */
    public String reason() {
        return detail.isEmpty() ? kind.words() : kind.words() + " " + detail;
    }
}
