package io.leadrouter.sla;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response SLA settings ({@code leadrouter.sla.*}); the response times per tier are in
 * {@code processes/response-sla.dmn}.
 *
 * @param maxReassignments how often a lead may be taken from a rep who missed the deadline and
 *                         given to another before it goes to the manager (0: straight to the manager)
 * @param holidays         days nobody works, as ISO dates ({@code 2025-12-25}); each date is a day
 *                         in the rep's own calendar and time zone. The response clock stops on them.
 */
@ConfigurationProperties("leadrouter.sla")
public record SlaProperties(
        @DefaultValue("2") int maxReassignments,
        @DefaultValue List<LocalDate> holidays) {

    public SlaProperties {
        if (maxReassignments < 0) {
            throw new IllegalArgumentException("leadrouter.sla.max-reassignments must be 0 or more");
        }
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
