package io.leadrouter.team;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Reads {@code PATCH /api/reps/{id}}, naming every bad field at once, and brings each value to
 * the form its column stores, so a valid setting always fits (V2 migration: work_start and
 * work_end hold five characters, work_days forty).
 */
final class RepSettingsParser {

    /** {@code 9:00} or {@code 09:00}; hours 0-23. */
    private static final DateTimeFormatter HOURS_AND_MINUTES =
            DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter HOURS_AND_MINUTES_STORED = DateTimeFormatter.ofPattern("HH:mm");

    private static final Set<String> WHOLE = Set.of("weight", "seniority", "maxOpen", "dailyCap", "weeklyCap");
    private static final Set<String> TEXT = Set.of("timeZone", "workStart", "workEnd", "workDays");

    private RepSettingsParser() {
    }

    static RepSettings parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldError("$", "the settings must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!WHOLE.contains(name) && !TEXT.contains(name) && !name.equals("active")) {
                errors.add(new FieldError(name, "unknown setting"));
            }
        }
        Integer weight = whole(body, "weight", 1, 100, "from 1 to 100", errors);
        Integer seniority = whole(body, "seniority", 1, 3, "1 (junior), 2 or 3 (senior)", errors);
        Integer maxOpen = cap(body, "maxOpen", errors);
        Integer dailyCap = cap(body, "dailyCap", errors);
        Integer weeklyCap = cap(body, "weeklyCap", errors);
        String timeZone = timeZone(text(body, "timeZone", errors), errors);
        String workStart = timeOfDay(text(body, "workStart", errors), "workStart", errors);
        String workEnd = timeOfDay(text(body, "workEnd", errors), "workEnd", errors);
        String workDays = days(text(body, "workDays", errors), errors);
        Boolean active = null;
        JsonNode activeNode = body.get("active");
        if (activeNode != null && !activeNode.isNull()) {
            if (activeNode.isBoolean()) {
                active = activeNode.booleanValue();
            } else {
                errors.add(new FieldError("active", "must be true or false"));
            }
        }
        if (workStart != null && workEnd != null && !LocalTime.parse(workStart).isBefore(LocalTime.parse(workEnd))) {
            errors.add(new FieldError("workEnd", "working hours must start before they end: " + workStart + "-"
                    + workEnd));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RepSettings(weight, seniority, maxOpen, dailyCap, weeklyCap, timeZone, workStart, workEnd, workDays,
                active);
    }

    private static Integer whole(JsonNode body, String name, int min, int max, String range, List<FieldError> errors) {
        Integer value = cap(body, name, errors);
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(name, "must be " + range));
            return null;
        }
        return value;
    }

    /** A whole number that fits the integer column; a negative cap removes the cap. */
    private static Integer cap(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
        return node.intValue();
    }

    /** An IANA zone id or offset as given (the column holds 64 characters, as {@link #text} does). */
    private static String timeZone(String zone, List<FieldError> errors) {
        if (zone == null) {
            return null;
        }
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException unknown) {
            errors.add(new FieldError("timeZone", "unknown time zone '" + zone + "' (use an IANA id like Europe/Berlin)"));
            return null;
        }
    }

    /** A time of day stored as HH:mm (the column holds five characters): seconds are not accepted. */
    private static String timeOfDay(String text, String name, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text, HOURS_AND_MINUTES).format(HOURS_AND_MINUTES_STORED);
        } catch (DateTimeParseException notHoursAndMinutes) {
            errors.add(new FieldError(name, "must be a time of day as HH:mm, e.g. 09:00 (not '" + text + "')"));
            return null;
        }
    }

    /**
     * Working days stored in week order as three-letter codes ({@code MON,TUE}): whatever was
     * sent ({@code monday, Tue, MON}) fits the 40-character column.
     */
    private static String days(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : text.split(",")) {
            String name = day.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            DayOfWeek found = Arrays.stream(DayOfWeek.values())
                    .filter(d -> name.length() >= 3 && d.name().startsWith(name)).findFirst().orElse(null);
            if (found == null) {
                errors.add(new FieldError("workDays", "unknown working day '" + day.trim()
                        + "' (use MON, TUE, WED, THU, FRI, SAT, SUN)"));
                return null;
            }
            days.add(found);
        }
        if (days.isEmpty()) {
            errors.add(new FieldError("workDays", "working days must name at least one day"));
            return null;
        }
        return days.stream().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    private static String text(JsonNode body, String name, List<FieldError> errors) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > 64) {
            errors.add(new FieldError(name, "must be a non-empty string of at most 64 characters"));
            return null;
        }
        return node.asText().trim();
    }
}
