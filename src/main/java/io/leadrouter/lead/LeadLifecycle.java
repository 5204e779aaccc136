package io.leadrouter.lead;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.team.Directory;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.WorkingHours;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * A lead's way through Lead Router after routing, each step on its timeline: closed without sales,
 * merged, or worked until its outcome. The first outcome is the rep's response; {@code CONTACTED}
 * keeps the lead open and followed up (lead-routing.bpmn, "Follow up until outcome") until a final
 * outcome ({@link LeadOutcome#closesLead()}), which never changes again. The rules of
 * {@link #check} and {@link OutcomeReport} hold for every way an outcome comes in: Tasklist's forms
 * and a CRM's {@code POST /api/leads/{id}/outcome}.
 */
@Service
public class LeadLifecycle {

    private static final Set<LeadStatus> CLOSING_STATUSES = EnumSet.of(LeadStatus.DISQUALIFIED, LeadStatus.NURTURE);

    /** How a follow-up window may close a lead: nobody converts a lead by waiting. */
    private static final Set<LeadOutcome> WINDOW_CLOSINGS = EnumSet.of(LeadOutcome.NURTURE, LeadOutcome.LOST,
            LeadOutcome.DISQUALIFIED);

    /** Statuses of a lead that is not with a rep (or manager) yet, whose outcome cannot be known. */
    private static final Set<LeadStatus> NOT_WITH_A_REP = EnumSet.of(LeadStatus.RECEIVED, LeadStatus.IN_REVIEW);

    /**
     * Whose hours a follow-up day means when whoever follows up has none of their own (a manager
     * holding an escalated lead): Monday to Friday, from 09:00 UTC.
     */
    static final WorkingHours HOURS_UNKNOWN = new WorkingHours(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    /** The longest history the Follow up lead form shows (a process variable holds 4,000 characters). */
    static final int HISTORY_LENGTH = 3900;

    private final LeadRepository leads;
    private final LeadTimeline timeline;
    private final LostReasons lostReasons;
    private final RepRepository reps;
    private final Directory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LeadLifecycle(LeadRepository leads, LeadTimeline timeline, LostReasons lostReasons, RepRepository reps,
                  Directory directory, Clock clock, ApplicationEventPublisher events) {
        this.leads = leads;
        this.timeline = timeline;
        this.lostReasons = lostReasons;
        this.reps = reps;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /** Closes a lead that gets no sales follow-up (disqualified, or moved to marketing nurture). */
    @Transactional
    public void close(String leadId, String closingStatus, String reason) {
        LeadStatus status = parse(LeadStatus.class, closingStatus, "closingStatus");
        if (!CLOSING_STATUSES.contains(status)) {
            throw new IllegalArgumentException("closingStatus must be one of " + CLOSING_STATUSES + ", not " + status);
        }
        Lead lead = leads.require(leadId);
        Instant now = clock.instant();
        lead.close(status, reason, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.CLOSED, now, null, lead.getTeamId(), null,
                (status == LeadStatus.NURTURE ? "Moved to marketing nurture" : "Closed as disqualified")
                        + (reason == null ? "" : ": " + reason)));
    }

    /**
     * Closes a duplicate of an open lead as merged into that lead, which must be its person's open
     * lead (it passed the duplicate check): never a merge into a lead that is merged itself.
     */
    @Transactional
    public void merge(String leadId, String intoLeadId) {
        Lead into = leads.require(intoLeadId);
        if (!into.hasPassedDuplicateCheck() || into.getStatus() == LeadStatus.MERGED) {
            throw new IllegalStateException("Lead " + leadId + " cannot merge into lead " + intoLeadId
                    + ", which is not its person's open lead (" + into.getStatus() + ")");
        }
        Lead lead = leads.require(leadId);
        Instant now = clock.instant();
        lead.mergeInto(intoLeadId, now);
        timeline.record(new LeadEvent(leadId, LeadEventType.MERGED, now, into.getOwnerId(), into.getTeamId(), null,
                "Merged into lead " + intoLeadId + ", the open lead of the same person"));
    }

    /** What the rules say about an outcome reported for a lead now. */
    public enum Verdict {
        /** Record it: the lead is with a rep (or manager) and open. */
        RECORD,
        /** The lead has this outcome already (final, or contacted and in follow-up): nothing changes. */
        ALREADY_RECORDED,
        /** The lead is closed with another outcome (or merged): it cannot change. */
        CLOSED,
        /** The lead is not with a rep yet (being routed, in review, waiting for manual assignment). */
        NOT_WITH_A_REP
    }

    /** The verdict, and why in words for a refusal. */
    public record Check(Verdict verdict, String reason) {
    }

    /**
     * Whether the outcome may be recorded on the lead as it stands: the one rule for every way an
     * outcome comes in. A final outcome is never replaced; repeating the lead's outcome changes
     * nothing (a CRM may send it twice); a lead must be with a rep first.
     */
    public static Check check(Lead lead, LeadOutcome requested) {
        LeadStatus status = lead.getStatus();
        if (status == LeadStatus.MERGED) {
            return new Check(Verdict.CLOSED, "Lead " + lead.getId() + " was merged into lead " + lead.getMergedInto()
                    + ", the open lead of the same person: record the outcome there");
        }
        if (lead.getClosedAt() != null || !status.isOpen()) {
            if (requested.closesLead() && status == requested.status()) {
                return new Check(Verdict.ALREADY_RECORDED, null);
            }
            return new Check(Verdict.CLOSED, "Lead " + lead.getId() + " is closed as " + status
                    + (lead.getClosedAt() == null ? "" : " since " + lead.getClosedAt())
                    + ": a closed lead's outcome does not change");
        }
        if (NOT_WITH_A_REP.contains(status)) {
            return new Check(Verdict.NOT_WITH_A_REP, "Lead " + lead.getId() + " is " + status + ": it is not with a "
                    + "rep yet (being validated and routed, held for review or waiting for manual assignment), so "
                    + "it has no outcome to record");
        }
        if (status == LeadStatus.CONTACTED && requested == LeadOutcome.CONTACTED) {
            return new Check(Verdict.ALREADY_RECORDED, null);
        }
        return new Check(Verdict.RECORD, null);
    }

    /**
     * Checks the report for the lead as {@link #recordOutcome} would, without changing anything:
     * {@link InvalidInputException} names each bad field.
     */
    @Transactional(readOnly = true)
    public void validate(Lead lead, OutcomeReport report, OutcomeReport.FieldNames names) {
        validate(report, names, hoursOf(lead.holder()));
    }

    private void validate(OutcomeReport report, OutcomeReport.FieldNames names, WorkingHours followedUpIn) {
        validate(report, names, followedUpIn, true);
    }

    private void validate(OutcomeReport report, OutcomeReport.FieldNames names, WorkingHours followedUpIn,
                          boolean valuesRequired) {
        List<FieldError> problems = report.problems(names, lostReasons, followedUpIn, clock.instant(), valuesRequired);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * Records what the rep (or manager) reports: the lead's first outcome is its response; a final
     * one closes it; CONTACTED on a contacted lead is a follow-up that leaves it open. The same
     * final outcome again changes nothing (a retried step, a CRM sending twice).
     *
     * @param recordedBy who recorded it (the timeline names them); null when unknown
     * @param followUpBy who follows the lead up when it is contacted and no rep owns it (the
     *                   manager holding an escalated lead); ignored otherwise
     * @throws InvalidInputException the report breaks a rule (names the fields as the forms do)
     * @throws IllegalStateException the lead is closed with another outcome, or not with a rep yet
     */
    @Transactional
    public void recordOutcome(String leadId, OutcomeReport report, String recordedBy, String followUpBy) {
        recordOutcome(leadId, report, recordedBy, followUpBy, true);
    }

    /**
     * As {@link #recordOutcome(String, OutcomeReport, String, String)}; without
     * {@code valuesRequired} (a task of lead-routing.bpmn before version 6, whose form has neither)
     * CONVERTED needs no deal value and LOST no reason.
     */
    @Transactional
    public void recordOutcome(String leadId, OutcomeReport report, String recordedBy, String followUpBy,
                              boolean valuesRequired) {
        Lead lead = leads.require(leadId);
        Check check = check(lead, report.outcome());
        switch (check.verdict()) {
            case CLOSED, NOT_WITH_A_REP -> throw new IllegalStateException(check.reason());
            case ALREADY_RECORDED -> {
                if (report.outcome() == LeadOutcome.CONTACTED) {
                    followedUp(lead, report, recordedBy);
                }
                return;
            }
            case RECORD -> {
                // recorded below
            }
        }
        boolean heldByManager = lead.getOwnerId() == null && report.outcome() == LeadOutcome.CONTACTED
                && followUpBy != null;
        validate(report, OutcomeReport.FieldNames.FORM, hoursOf(heldByManager ? followUpBy : lead.holder()),
                valuesRequired);
        if (heldByManager) {
            lead.holdInFollowUp(followUpBy);
        }
        Instant now = clock.instant();
        boolean firstOutcome = lead.getOutcome() == null;
        lead.recordOutcome(report.outcome(), report.note(), report.dealValue(), report.lostReason(), now);
        timeline.record(new LeadEvent(leadId, LeadEventType.OUTCOME_RECORDED, now, lead.holder(), lead.getTeamId(),
                recordedBy, "Outcome " + describe(report)));
        events.publishEvent(new LeadOutcomeRecorded(lead.getId(), lead.getOwnerId(), lead.getProduct(),
                lead.getIndustry(), report.outcome(), firstOutcome));
    }

    /** Followed up and still working: the note is the lead's latest word, the lead stays contacted. */
    private void followedUp(Lead lead, OutcomeReport report, String recordedBy) {
        validate(lead, report, OutcomeReport.FieldNames.FORM);
        Instant now = clock.instant();
        lead.followedUp(report.note());
        timeline.record(new LeadEvent(lead.getId(), LeadEventType.FOLLOWED_UP, now, lead.holder(), lead.getTeamId(),
                recordedBy, "Followed up, still working" + (report.note() == null ? "" : ": " + report.note())));
    }

    /**
     * Sets when the contacted lead is followed up next: the day or instant asked for (see
     * {@link OutcomeReport.FollowUpRequest}), or else the model's default after now: a period
     * ({@code P2D}) lands on the start of that day's working day of whoever follows up, moved to
     * their next working day; a duration ({@code PT4H}) is exact. Returns the instant.
     *
     * @param requested null, an ISO date or instant as text, or a {@link java.util.Date}
     * @param defaultAfter ISO-8601 period or duration, from the model
     */
    @Transactional
    public Instant scheduleFollowUp(String leadId, Object requested, String defaultAfter) {
        Lead lead = leads.require(leadId);
        WorkingHours hours = hoursOf(lead.holder());
        Instant now = clock.instant();
        Instant at = requested == null ? afterDefault(now, defaultAfter, hours)
                : OutcomeReport.FollowUpRequest.parse(requested).resolve(hours);
        lead.scheduleFollowUp(at);
        timeline.record(new LeadEvent(leadId, LeadEventType.FOLLOW_UP_SCHEDULED, now, lead.holder(), lead.getTeamId(),
                null, "Follow up on " + hours.localTime(at) + " by " + directory.nameOf(lead.holder())
                        + (requested == null ? " (the default: " + defaultAfter + " after contact)" : "")));
        return at;
    }

    /** The follow-up date was moved (or cleared: null) on the task, by that user. */
    @Transactional
    public void moveFollowUp(String leadId, Instant at, String movedBy) {
        Lead lead = leads.require(leadId);
        if (lead.getStatus() != LeadStatus.CONTACTED) {
            return;
        }
        Instant now = clock.instant();
        lead.scheduleFollowUp(at);
        String by = movedBy == null ? "" : " by " + directory.nameOf(movedBy);
        timeline.record(new LeadEvent(leadId, LeadEventType.FOLLOW_UP_SCHEDULED, now, lead.holder(), lead.getTeamId(),
                movedBy, at == null ? "Follow-up date cleared" + by + ": no reminder until one is set"
                        : "Follow-up moved to " + hoursOf(lead.holder()).localTime(at) + by));
    }

    /** The follow-up date came: on the timeline (the process reminds the holder). */
    @Transactional
    public void followUpDue(String leadId) {
        Lead lead = leads.require(leadId);
        if (lead.getStatus() != LeadStatus.CONTACTED) {
            return;
        }
        Instant now = clock.instant();
        Instant planned = lead.getFollowUpAt() == null ? now : lead.getFollowUpAt();
        timeline.record(new LeadEvent(leadId, LeadEventType.FOLLOW_UP_DUE, now, lead.holder(), lead.getTeamId(), null,
                "Follow-up due: " + directory.nameOf(lead.holder()) + " planned to follow up on "
                        + hoursOf(lead.holder()).localTime(planned)));
    }

    /**
     * The follow-up window ended without a final outcome: the lead closes with the outcome the model
     * names (NURTURE, or LOST with a reason of the list, or DISQUALIFIED). Nothing happens to a lead
     * closed meanwhile.
     */
    @Transactional
    public void expireFollowUp(String leadId, String closingOutcome, String lostReason) {
        LeadOutcome outcome = parse(LeadOutcome.class, closingOutcome, "closingOutcome");
        if (!WINDOW_CLOSINGS.contains(outcome)) {
            throw new IllegalArgumentException("closingOutcome must be one of " + WINDOW_CLOSINGS + ", not " + outcome);
        }
        OutcomeReport report = new OutcomeReport(outcome, null, null, lostReason, null);
        Lead lead = leads.require(leadId);
        if (lead.getStatus() != LeadStatus.CONTACTED) {
            return;
        }
        List<FieldError> problems = report.problems(OutcomeReport.FieldNames.FORM, lostReasons, HOURS_UNKNOWN,
                clock.instant());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The follow-up window's closing outcome " + outcome + " cannot be "
                    + "recorded: " + problems.stream().map(p -> p.field() + " " + p.message()).toList());
        }
        Instant now = clock.instant();
        lead.recordOutcome(outcome, lead.getOutcomeNote(), null, report.lostReason(), now);
        timeline.record(new LeadEvent(leadId, LeadEventType.FOLLOW_UP_EXPIRED, now, lead.holder(), lead.getTeamId(),
                null, "No outcome within the follow-up window: closed as " + describe(report)));
        events.publishEvent(new LeadOutcomeRecorded(lead.getId(), lead.getOwnerId(), lead.getProduct(),
                lead.getIndustry(), outcome, false));
    }

    /**
     * The lead's timeline as plain text lines, oldest first, in the time zone of whoever follows it
     * up: what the Follow up lead form shows. The oldest events give way when it grows too long.
     */
    @Transactional(readOnly = true)
    public String history(String leadId) {
        Lead lead = leads.require(leadId);
        WorkingHours hours = hoursOf(lead.holder());
        List<String> lines = new ArrayList<>();
        for (LeadEvent event : timeline.of(lead)) {
            lines.add(hours.localTime(event.getOccurredAt()) + "  " + event.getSummary()
                    + (event.getActor() == null ? "" : " (" + directory.nameOf(event.getActor()) + ")"));
        }
        int left = 0;
        while (String.join("\n", lines).length() > HISTORY_LENGTH && lines.size() > 1) {
            lines.remove(0);
            left++;
        }
        String text = String.join("\n", lines);
        return left == 0 ? text : "(" + left + " earlier " + (left == 1 ? "event" : "events") + " not shown)\n" + text;
    }

    /** The working hours of the user who follows a lead up: a rep's own, else {@link #HOURS_UNKNOWN}. */
    WorkingHours hoursOf(String userId) {
        return userId == null ? HOURS_UNKNOWN : reps.findById(userId).map(Rep::workingHours).orElse(HOURS_UNKNOWN);
    }

    private static Instant afterDefault(Instant now, String defaultAfter, WorkingHours hours) {
        if (defaultAfter == null || defaultAfter.isBlank()) {
            throw new IllegalArgumentException("defaultFollowUpAfter is missing on Schedule follow-up: an ISO-8601 "
                    + "period such as P2D or a duration such as PT4H");
        }
        String text = defaultAfter.trim().toUpperCase(Locale.ROOT);
        try {
            if (text.startsWith("PT")) {
                return now.plus(Duration.parse(text));
            }
            LocalDate day = now.atZone(hours.zone()).toLocalDate().plus(Period.parse(text));
            while (!hours.days().contains(day.getDayOfWeek())) {
                day = day.plusDays(1);
            }
            return day.atTime(hours.start()).atZone(hours.zone()).toInstant();
        } catch (DateTimeException unreadable) {
            throw new IllegalArgumentException("defaultFollowUpAfter '" + defaultAfter + "' is no ISO-8601 period "
                    + "(P2D) or duration (PT4H)", unreadable);
        }
    }

    /** "CONVERTED, deal value 1,200.00: signed", "LOST (PRICE: Price or budget)", "CONTACTED: call back". */
    private String describe(OutcomeReport report) {
        StringBuilder text = new StringBuilder(report.outcome().name());
        if (report.dealValue() != null) {
            DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            text.append(", deal value ").append(money.format(report.dealValue()));
        }
        if (report.lostReason() != null) {
            text.append(" (").append(report.lostReason());
            lostReasons.find(report.lostReason()).ifPresent(reason -> text.append(": ").append(reason.label()));
            text.append(")");
        }
        if (report.outcome() == LeadOutcome.NURTURE) {
            text.append(", back to marketing nurture");
        }
        if (report.note() != null) {
            text.append(": ").append(report.note());
        }
        return text.toString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown " + name + " '" + value + "'", unknown);
        }
    }
}
