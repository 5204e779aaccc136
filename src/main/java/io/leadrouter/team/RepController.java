package io.leadrouter.team;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.storage.StorableText;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

@RestController
@RequestMapping("/api/reps")
class RepController {

    private final RepRepository reps;
    private final RepAbsenceRepository absences;
    private final Clock clock;

    RepController(RepRepository reps, RepAbsenceRepository absences, Clock clock) {
        this.reps = reps;
        this.absences = absences;
        this.clock = clock;
    }

    record RepView(String id, String name, String email, String team, String manager, boolean available,
                   boolean active, long leadsAssigned, int weight, int seniority, Integer maxOpen,
                   Integer dailyCap, Integer weeklyCap, String timeZone, String workStart, String workEnd,
                   String workDays) {

        static RepView of(Rep rep) {
            return new RepView(rep.getId(), rep.getName(), rep.getEmail(), rep.getTeamId(), rep.getManagerId(),
                    rep.isAvailable(), rep.isActive(), rep.getLeadsAssigned(), rep.getWeight(), rep.getSeniority(),
                    rep.getMaxOpen(), rep.getDailyCap(), rep.getWeeklyCap(), rep.getTimeZone(), rep.getWorkStart(),
                    rep.getWorkEnd(), rep.getWorkDays());
        }
    }

    record AbsenceView(String id, Instant startsAt, Instant endsAt, String reason) {

        static AbsenceView of(RepAbsence absence) {
            return new AbsenceView(absence.getId(), absence.getStartsAt(), absence.getEndsAt(), absence.getReason());
        }
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<RepView> reps() {
        return reps.findAllByOrderByTeamIdAscIdAsc().stream().map(RepView::of).toList();
    }

    /** Marks a rep available or unavailable for new leads: {@code {"available": false}}. */
    @PutMapping("/{id}/availability")
    @Transactional
    RepView availability(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        JsonNode available = body == null ? null : body.get("available");
        if (available == null || !available.isBoolean()) {
            throw new InvalidInputException(List.of(new FieldError("available", "must be true or false")));
        }
        Rep rep = rep(id, user, true);
        rep.setAvailable(available.booleanValue(), clock.instant());
        return RepView.of(rep);
    }

    /**
     * Changes a rep's routing settings (sales ops, managers, admins): weight, seniority, caps
     * (maxOpen, dailyCap, weeklyCap; -1 removes a cap), timeZone, workStart, workEnd, workDays,
     * active. Fields left out stay as they are.
     */
    @PatchMapping("/{id}")
    @Transactional
    RepView settings(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        Rep rep = rep(id, user, false);
        RepSettings settings = RepSettingsParser.parse(body);
        try {
            rep.update(settings);
        } catch (IllegalArgumentException withTheStoredHours) {
            // one end of the working hours sent, and it does not fit the other one as stored
            String field = settings.workStart() != null && settings.workEnd() == null ? "workStart" : "workEnd";
            throw new InvalidInputException(List.of(new FieldError(field, withTheStoredHours.getMessage())));
        }
        return RepView.of(rep);
    }

    /** A rep's current and planned absences: for the rep, their manager, sales ops and admins. */
    @GetMapping("/{id}/absences")
    @Transactional(readOnly = true)
    List<AbsenceView> absences(@PathVariable String id, ApiUser user) {
        Rep rep = rep(id, null, null);
        if (!id.equals(user.id()) && !user.isMemberOfAny(Roles.REP_ADMINS) && !rep.isManagedBy(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "A rep's absences are for the rep, their manager, sales ops and admins");
        }
        return absences.findByRepIdAndEndsAtAfterOrderByStartsAt(id, clock.instant()).stream()
                .map(AbsenceView::of).toList();
    }

    /** Plans an out-of-office period: {@code {"startsAt": "…Z", "endsAt": "…Z", "reason": "vacation"}}. */
    @PostMapping("/{id}/absences")
    @Transactional
    ResponseEntity<AbsenceView> addAbsence(@PathVariable String id, @RequestBody JsonNode body, ApiUser user) {
        rep(id, user, true);
        List<FieldError> errors = new java.util.ArrayList<>();
        Instant startsAt = instant(body, "startsAt", errors);
        Instant endsAt = instant(body, "endsAt", errors);
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason != null && !reason.isNull() && (!reason.isTextual() || reason.asText().length() > 200)) {
            errors.add(new FieldError("reason", "must be a string of at most 200 characters"));
        } else if (reason != null && reason.isTextual()) {
            StorableText.problem(reason.asText()).ifPresent(why -> errors.add(new FieldError("reason", why)));
        }
        if (errors.isEmpty() && !startsAt.isBefore(endsAt)) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RepAbsence absence = absences.save(new RepAbsence(id, startsAt, endsAt,
                reason == null || reason.isNull() ? null : reason.asText()));
        return ResponseEntity.created(URI.create("/api/reps/" + id + "/absences/" + absence.getId()))
                .body(AbsenceView.of(absence));
    }

    @DeleteMapping("/{id}/absences/{absenceId}")
    @Transactional
    ResponseEntity<Void> removeAbsence(@PathVariable String id, @PathVariable String absenceId, ApiUser user) {
        rep(id, user, true);
        RepAbsence absence = absences.findById(absenceId).filter(a -> a.getRepId().equals(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No absence '" + absenceId
                        + "' of rep '" + id + "'"));
        absences.delete(absence);
        return ResponseEntity.noContent().build();
    }

    private static final Instant ABSENCE_RANGE_START = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant ABSENCE_RANGE_END = Instant.parse("+10000-01-01T00:00:00Z");

    private static Instant instant(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body == null ? null : body.get(field);
        try {
            if (value != null && value.isTextual()) {
                Instant instant = Instant.parse(value.asText());
                // java.time reaches the year 1,000,000,000; a PostgreSQL timestamp the year 294,276
                if (!instant.isBefore(ABSENCE_RANGE_START) && instant.isBefore(ABSENCE_RANGE_END)) {
                    return instant;
                }
            }
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an ISO-8601 instant from 1970 to 9999, such as 2026-12-24T00:00:00Z"));
        return null;
    }

    /**
     * The rep, if the current user may change it: {@code selfAllowed} true lets the rep change
     * their own (availability, absences), false only sales ops, admins and the rep's own manager
     * (not another manager of the team), null anyone.
     */
    private Rep rep(String id, ApiUser user, Boolean selfAllowed) {
        Rep rep = reps.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No rep with id '" + id + "'"));
        if (selfAllowed == null) {
            return rep;
        }
        boolean self = selfAllowed && id.equals(user.id());
        boolean admin = user.isMemberOfAny(Roles.REP_ADMINS) || rep.isManagedBy(user);
        if (!self && !admin) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, selfAllowed
                    ? "Only the rep, their manager, sales ops and admins may change this"
                    : "Only sales ops, admins and the rep's manager may change a rep's routing settings");
        }
        return rep;
    }
}
