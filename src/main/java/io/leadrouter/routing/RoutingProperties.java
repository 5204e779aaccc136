package io.leadrouter.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings ({@code leadrouter.routing.*}).
 *
 * @param catchUpPerDay     capacity routing: how many leads more than the team's average of
 *                          the last 24 hours a rep may get, so a rep back from an absence
 *                          (few open leads) catches up at a bounded rate
 * @param defaultMaxOpen    capacity routing: the open-lead cap assumed for reps without one
 * @param performanceFloor  performance routing: the least weight of any eligible rep, as a
 *                          fraction of the team's rate (0.5: a rep converting at under half
 *                          the team's rate is counted at half, about half of an equal split)
 * @param performancePrior  performance routing: how many outcomes of weight the team average
 *                          has against a rep's own record (a new rep starts at the average)
 */
@ConfigurationProperties("leadrouter.routing")
public record RoutingProperties(
        @DefaultValue("2") int catchUpPerDay,
        @DefaultValue("25") int defaultMaxOpen,
        @DefaultValue("0.5") double performanceFloor,
        @DefaultValue("20") int performancePrior) {

    public RoutingProperties {
        if (catchUpPerDay < 0 || defaultMaxOpen < 1 || performanceFloor < 0 || performanceFloor > 1
                || performancePrior < 0) {
            throw new IllegalArgumentException("leadrouter.routing: catch-up-per-day >= 0, default-max-open >= 1, "
                    + "performance-floor from 0 to 1, performance-prior >= 0");
        }
    }
}
