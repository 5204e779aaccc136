package io.leadrouter.team;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.system.FieldError;
import io.leadrouter.system.InvalidInputException;

/** Reads {@code PATCH /api/reps/{id}}, naming every bad field at once. */
final class RepSettingsParser {

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
        Integer weight = whole(body, "weight", errors);
        Integer seniority = whole(body, "seniority", errors);
        Integer maxOpen = whole(body, "maxOpen", errors);
        Integer dailyCap = whole(body, "dailyCap", errors);
        Integer weeklyCap = whole(body, "weeklyCap", errors);
        String timeZone = text(body, "timeZone", errors);
        String workStart = text(body, "workStart", errors);
        String workEnd = text(body, "workEnd", errors);
        String workDays = text(body, "workDays", errors);
        Boolean active = null;
        JsonNode activeNode = body.get("active");
        if (activeNode != null && !activeNode.isNull()) {
            if (activeNode.isBoolean()) {
                active = activeNode.booleanValue();
            } else {
                errors.add(new FieldError("active", "must be true or false"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RepSettings settings = new RepSettings(weight, seniority, maxOpen, dailyCap, weeklyCap, timeZone, workStart,
                workEnd, workDays, active);
        try {
            settings.validate();
            WorkingHours.parse(timeZone == null ? "UTC" : timeZone, workStart == null ? "09:00" : workStart,
                    workEnd == null ? "17:00" : workEnd, workDays == null ? "MON" : workDays);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException(List.of(new FieldError("settings", invalid.getMessage())));
        }
        return settings;
    }

    private static Integer whole(JsonNode body, String name, List<FieldError> errors) {
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
