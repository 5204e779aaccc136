package io.leadrouter.lead;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import io.leadrouter.storage.StorableText;
import io.leadrouter.team.WorkingHours;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * What someone reports about a lead they work: the outcome and what goes with it. The same rules
 * hold for a form in Tasklist and for a CRM's {@code POST /api/leads/{id}/outcome}:
 *
 * <ul>
 * <li>{@code outcome}: one of {@link LeadOutcome}, required.</li>
 * <li>{@code dealValue}: with CONVERTED, required: a number, 0 or more, at most two decimals.</li>
 * <li>{@code lostReason}: with LOST, required: a value of the modelers' list ({@link LostReasons}).</li>
 * <li>{@code followUpAt}: with CONTACTED, optional: when to follow up, an ISO date
 *     ({@code 2026-03-10}: that day at the start of the working day of whoever follows up) or
 *     instant ({@code 2026-03-10T14:00:00Z}), today or later; without it the model's default
 *     applies ("Schedule follow-up").</li>
 * <li>the note: optional text, at most {@value #NOTE_LENGTH} characters.</li>
 * </ul>
 *
 * A field that does not go with the outcome (a deal value with LOST) is ignored: a form hides it,
 * and a CRM may send every field it has.
 */
public record OutcomeReport(LeadOutcome outcome, String note, BigDecimal dealValue, String lostReason,
                            FollowUpRequest followUp) {

    /** The size of {@code leads.outcome_note}. */
    static final int NOTE_LENGTH = 4000;

    /** The largest deal value {@code leads.deal_value} (numeric(19, 2)) holds, in whole units. */
    private static final int DEAL_VALUE_DIGITS = 17;

    public OutcomeReport {
        note = note == null || note.isBlank() ? null : note;
        if (outcome != LeadOutcome.CONVERTED) {
            dealValue = null;
        }
        if (outcome != LeadOutcome.LOST) {
            lostReason = null;
        }
        if (outcome != LeadOutcome.CONTACTED) {
            followUp = null;
        }
    }

    /** An outcome that needs nothing else (CONTACTED without a date, DISQUALIFIED, NURTURE). */
    public static OutcomeReport of(LeadOutcome outcome) {
        return new OutcomeReport(outcome, null, null, null, null);
    }

    /** How the caller names the fields: the API's body, or the variables of the forms. */
    public record FieldNames(String outcome, String note, String dealValue, String lostReason, String followUpAt) {

        public static final FieldNames API = new FieldNames("outcome", "note", "dealValue", "lostReason",
                "followUpAt");
        public static final FieldNames FORM = new FieldNames("outcome", "outcomeNote", "dealValue", "lostReason",
                "followUpAt");
    }

    /**
     * Reads the values as sent (text, numbers, a date): each bad value is named in the
     * {@link InvalidInputException}. Whether they fit the lead and the lists is
     * {@link #problems}' question.
     */
    public static OutcomeReport read(Object outcome, Object note, Object dealValue, Object lostReason,
                                     Object followUpAt, FieldNames names) {
        List<FieldError> errors = new ArrayList<>();
        LeadOutcome parsed = null;
        if (outcome == null || outcome instanceof String text && text.isBlank()) {
            errors.add(new FieldError(names.outcome(), "is required: one of " + LeadOutcome.names()));
        } else if (!(outcome instanceof String text)) {
            errors.add(new FieldError(names.outcome(), "must be text: one of " + LeadOutcome.names()));
        } else {
            try {
                parsed = LeadOutcome.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError(names.outcome(), "'" + shorten(text) + "' is no outcome: use one of "
                        + LeadOutcome.names()));
            }
        }
        String noteText = null;
        if (note != null && !(note instanceof String)) {
            errors.add(new FieldError(names.note(), "must be text"));
        } else {
            noteText = (String) note;
        }
        BigDecimal value = null;
        if (parsed == LeadOutcome.CONVERTED && dealValue != null) {
            try {
                value = dealValue instanceof Number || dealValue instanceof String
                        ? new BigDecimal(dealValue.toString().trim()) : null;
            } catch (NumberFormatException notANumber) {
                value = null;
            }
            if (value == null) {
                errors.add(new FieldError(names.dealValue(), "must be a number, such as 1200 or 1200.50"));
            }
        }
        String reason = null;
        if (parsed == LeadOutcome.LOST && lostReason != null) {
            if (lostReason instanceof String text) {
                reason = text.isBlank() ? null : text.trim();
            } else {
                errors.add(new FieldError(names.lostReason(), "must be text: a value of the lost reasons"));
            }
        }
        FollowUpRequest followUp = null;
        if (parsed == LeadOutcome.CONTACTED && followUpAt != null) {
            try {
                followUp = FollowUpRequest.parse(followUpAt);
            } catch (IllegalArgumentException unreadable) {
                errors.add(new FieldError(names.followUpAt(), unreadable.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new OutcomeReport(parsed, noteText, value, reason, followUp);
    }

    /**
     * What keeps this report from being recorded on a lead whose follow-up is by someone working
     * these hours: a missing deal value or lost reason, a reason not in the list, a follow-up day
     * already past, a note too long. Empty when it can be recorded.
     */
    public List<FieldError> problems(FieldNames names, LostReasons reasons, WorkingHours followedUpIn, Instant now) {
        return problems(names, reasons, followedUpIn, now, true);
    }

    /**
     * As {@link #problems(FieldNames, LostReasons, WorkingHours, Instant)}; without
     * {@code valuesRequired} a deal value and a lost reason are checked when given, not asked
     * for: the forms of lead-routing.bpmn before version 6 had no such fields, and a lead still on
     * such a task must be able to close.
     */
    public List<FieldError> problems(FieldNames names, LostReasons reasons, WorkingHours followedUpIn, Instant now,
                                     boolean valuesRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == LeadOutcome.CONVERTED) {
            if (dealValue == null) {
                if (valuesRequired) {
                    errors.add(new FieldError(names.dealValue(), "is required with CONVERTED: the value of the deal"));
                }
            } else if (dealValue.signum() < 0) {
                errors.add(new FieldError(names.dealValue(), "must be 0 or more"));
            } else if (dealValue.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(names.dealValue(), "may have at most two decimals"));
            } else if (dealValue.precision() - dealValue.scale() > DEAL_VALUE_DIGITS) {
                errors.add(new FieldError(names.dealValue(), "may have at most " + DEAL_VALUE_DIGITS
                        + " digits before the decimal point"));
            }
        }
        if (outcome == LeadOutcome.LOST) {
            List<LostReasons.Reason> all = reasons.all();
            if (lostReason == null) {
                if (valuesRequired) {
                    errors.add(new FieldError(names.lostReason(), "is required with LOST: one of " + values(all)));
                }
            } else if (all.stream().noneMatch(reason -> reason.value().equals(lostReason))) {
                errors.add(new FieldError(names.lostReason(), "'" + shorten(lostReason)
                        + "' is not in the list of lost reasons: use one of " + values(all)));
            }
        }
        if (followUp != null && followUp.dayIn(followedUpIn).isBefore(now.atZone(followedUpIn.zone()).toLocalDate())) {
            errors.add(new FieldError(names.followUpAt(), "must be today or later"));
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            errors.add(new FieldError(names.note(), "may have at most " + NOTE_LENGTH + " characters"));
        }
        StorableText.problem(note).ifPresent(problem -> errors.add(new FieldError(names.note(), problem)));
        return errors;
    }

    private static List<String> values(List<LostReasons.Reason> reasons) {
        return reasons.stream().map(LostReasons.Reason::value).toList();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * When to follow up a contacted lead, as asked: an instant, or a day (at the start of the
     * working day of whoever follows up, in their time zone).
     */
    public record FollowUpRequest(Instant at, LocalDate day) {

        /** From an instant or a date, as text (ISO-8601) or as a {@link Date}. */
        public static FollowUpRequest parse(Object value) {
            if (value instanceof Date date) {
                return new FollowUpRequest(date.toInstant(), null);
            }
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("must be a date (2026-03-10) or an instant (2026-03-10T14:00:00Z)");
            }
            String trimmed = text.trim();
            try {
                return trimmed.length() <= 10 ? new FollowUpRequest(null, LocalDate.parse(trimmed))
                        : new FollowUpRequest(OffsetDateTime.parse(trimmed).toInstant(), null);
            } catch (DateTimeException unreadable) {
                throw new IllegalArgumentException("'" + shorten(trimmed) + "' must be a date (2026-03-10) or an "
                        + "instant with its offset (2026-03-10T14:00:00Z)", unreadable);
            }
        }

        /** The day asked for, in the time zone of those hours. */
        public LocalDate dayIn(WorkingHours hours) {
            return day != null ? day : at.atZone(hours.zone()).toLocalDate();
        }

        /** The instant asked for; a day is its working day's start in those hours. */
        public Instant resolve(WorkingHours hours) {
            return at != null ? at : day.atTime(hours.start()).atZone(hours.zone()).toInstant();
        }
    }
}
