package io.leadrouter.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    @Test
    void theStoredFormIsReadOnceAndTheSameHoursServeEveryLaterRead() {
        WorkingHours hours = WorkingHours.parse("America/New_York", "09:00", "17:00", "mon,TUE, Wed,thu,FRI");

        assertThat(hours).isEqualTo(new WorkingHours(ZoneId.of("America/New_York"), LocalTime.of(9, 0),
                LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)));
        assertThat(WorkingHours.parse("America/New_York", "09:00", "17:00", "mon,TUE, Wed,thu,FRI")).isSameAs(hours);
        assertThat(hours.isWorkingAt(Instant.parse("2026-03-10T13:15:00Z"))).isTrue();
        assertThat(hours.isWorkingAt(Instant.parse("2026-03-10T21:00:00Z"))).isFalse();
    }

    @Test
    void aFormThatDoesNotParseFailsEveryTimeItIsRead() {
        for (int read = 0; read < 2; read++) {
            assertThatThrownBy(() -> WorkingHours.parse("Mars/Olympus", "09:00", "17:00", "MON"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown time zone");
            assertThatThrownBy(() -> WorkingHours.parse("UTC", "9am", "17:00", "MON"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be HH:mm");
            assertThatThrownBy(() -> WorkingHours.parse("UTC", "09:00", "17:00", "MON,Funday"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown working day");
        }
    }
}
