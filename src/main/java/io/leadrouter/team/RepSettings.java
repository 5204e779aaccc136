package io.leadrouter.team;

import io.leadrouter.web.InvalidRequestException;

/**
 * Routing settings of a rep that sales ops may change ({@code PATCH /api/reps/{id}}); null
 * fields stay as they are. A negative cap removes the cap.
 */
public record RepSettings(Integer weight, Integer seniority, Integer maxOpen, Integer dailyCap, Integer weeklyCap,
                          String timeZone, String workStart, String workEnd, String workDays, Boolean active) {

    void validate() {
        if (weight != null && (weight < 1 || weight > 100)) {
            throw new InvalidRequestException("weight must be from 1 to 100");
        }
        if (seniority != null && (seniority < 1 || seniority > 3)) {
            throw new InvalidRequestException("seniority must be 1 (junior), 2 or 3 (senior)");
        }
    }
}
