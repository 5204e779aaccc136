package io.leadrouter.scoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What counts as an outcome for scoring models ({@code leadrouter.scoring.*}).
 *
 * @param outcomeHorizon a lead still open this long after it came in counts as not converted
 *                       ({@link LeadOutcomeHistory}): most leads that convert do so well within
 *                       it, and without it every lead a rep never closes would be left out
 */
@ConfigurationProperties("leadrouter.scoring")
public record OutcomeHistoryProperties(@DefaultValue("90d") Duration outcomeHorizon) {

    public OutcomeHistoryProperties {
        if (outcomeHorizon.isNegative() || outcomeHorizon.isZero()) {
            throw new IllegalArgumentException("leadrouter.scoring.outcome-horizon must be positive");
        }
    }
}
