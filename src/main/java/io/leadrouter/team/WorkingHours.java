package io.leadrouter.team;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadrouter.web.InvalidRequestException;

/**
 * A rep's working week: days, daily hours and time zone, e.g. MON-FRI 09:00-17:00
 * America/New_York. Hours do not cross midnight.
 */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    public WorkingHours {
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("working hours must start before they end: " + start + "-" + end);
        }
        if (days.isEmpty()) {
            throw new InvalidRequestException("working days must name at least one day");
        }
        days = Set.copyOf(days);
    }

    /**
     * Stored forms parsed before, at most {@value #MAX_PARSED} of them (the least used are parsed
     * again when they come back): routing reads every candidate's hours for every lead, and a team
     * shares a handful of forms. The values are immutable and never go stale; a form that does not
     * parse is not kept.
     */
    private static final int MAX_PARSED = 10_000;
    private static final Cache<List<String>, WorkingHours> PARSED = Caffeine.newBuilder()
            .maximumSize(MAX_PARSED)
            .build();

    /** Reads the stored form: zone id, "HH:mm", "HH:mm", days as "MON,TUE,…". */
    public static WorkingHours parse(String zone, String start, String end, String days) {
        return PARSED.get(Arrays.asList(zone, start, end, days), key -> read(zone, start, end, days));
    }

    private static WorkingHours read(String zone, String start, String end, String days) {
        try {
            Set<DayOfWeek> parsedDays = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days.split(",")) {
                String name = day.trim().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                parsedDays.add(Arrays.stream(DayOfWeek.values())
                        .filter(d -> d.name().startsWith(name) && name.length() >= 3)
                        .findFirst()
                        .orElseThrow(() -> new InvalidRequestException("unknown working day '" + day.trim()
                                + "' (use MON, TUE, WED, THU, FRI, SAT, SUN)")));
            }
            return new WorkingHours(ZoneId.of(zone), LocalTime.parse(start), LocalTime.parse(end), parsedDays);
        } catch (DateTimeParseException badTime) {
            throw new InvalidRequestException("working hours must be HH:mm, not '" + badTime.getParsedString() + "'");
        } catch (DateTimeException badZone) {
            throw new InvalidRequestException("unknown time zone '" + zone + "' (use an IANA id like Europe/Berlin)");
        }
    }

    /** The instant on the rep's wall clock, as people read it: "Mon 10 Mar 09:15 EDT". */
    public String localTime(Instant instant) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }

    public boolean isWorkingAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }
}
