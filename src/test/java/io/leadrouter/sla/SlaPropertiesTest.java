package io.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code leadrouter.sla.*} as operators set it, e.g. from environment variables. */
class SlaPropertiesTest {

    private static SlaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("leadrouter.sla",
            SlaProperties.class);
    }

    @Test
    void defaultsAreTwoReassignmentsAndNoHolidays() {
        SlaProperties defaults = bind(Map.of());

        assertThat(defaults.maxReassignments()).isEqualTo(2);
        assertThat(defaults.holidays()).isEmpty();
    }

    @Test
    void holidaysAreCommaSeparatedIsoDatesAsAnEnvironmentVariableGivesThem() {
        SlaProperties properties = bind(Map.of("leadrouter.sla.holidays", "2025-12-25,2025-12-26",
            "leadrouter.sla.max-reassignments", "1"));

        assertThat(properties.holidays()).containsExactly(LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26"));
        assertThat(properties.maxReassignments()).isEqualTo(1);
    }

    @Test
    void aNegativeNumberOfReassignmentsIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("leadrouter.sla.max-reassignments", "-1")))
            .isInstanceOf(BindException.class)
            .hasRootCauseMessage("leadrouter.sla.max-reassignments must be 0 or more");
    }
}
