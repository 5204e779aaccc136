package io.leadrouter.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadrouter.lead.LeadTier;

/**
 * One rep's response clock for one lead: started when the lead was given to the rep, due after
 * the tier's response time in the rep's business hours, and ended by the rep's first outcome
 * (MET, or BREACHED when it came late) or by the deadline passing (BREACHED). A lead reassigned
 * after a breach gets a new clock for the new rep. Rep and team statistics count these.
 */
@Entity
@Table(name = "response_clocks")
public class ResponseClock {

    /** REASSIGNED: taken from the rep by hand before the deadline; counts neither as met nor as breached. */
    public enum Result { OPEN, MET, BREACHED, REASSIGNED }

    @Id
    private String id;

    @Column(name = "lead_id", nullable = false)
    private String leadId;

    @Column(name = "rep_id", nullable = false)
    private String repId;

    @Column(name = "team_id", nullable = false)
    private String teamId;

    @Enumerated(EnumType.STRING)
    private LeadTier tier;

    @Column(name = "response_time", nullable = false)
    private String responseTime;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    @Column(name = "reminder_at", nullable = false)
    private Instant reminderAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Result result;

    @Column(name = "routing_delay_seconds")
    private Long routingDelaySeconds;

    @Column(name = "rep_delay_seconds")
    private Long repDelaySeconds;

    protected ResponseClock() {
    }

    ResponseClock(String leadId, String repId, String teamId, LeadTier tier, BusinessTime responseTime,
                  Instant assignedAt, Instant reminderAt, Instant dueAt, Duration routingDelay) {
        this.id = UUID.randomUUID().toString();
        this.leadId = leadId;
        this.repId = repId;
        this.teamId = teamId;
        this.tier = tier;
        this.responseTime = responseTime.iso();
        this.assignedAt = assignedAt;
        this.reminderAt = reminderAt;
        this.dueAt = dueAt;
        this.result = Result.OPEN;
        this.routingDelaySeconds = routingDelay == null ? null : routingDelay.getSeconds();
    }

    /** The rep was reminded that the deadline is near. */
    void remind(Instant at) {
        remindedAt = at;
    }

    /** The rep recorded an outcome: in time or late. */
    void respond(Instant at) {
        respondedAt = at;
        repDelaySeconds = Duration.between(assignedAt, at).getSeconds();
        result = at.isAfter(dueAt) ? Result.BREACHED : Result.MET;
    }

    /** Sales ops or the manager gave the lead to another rep before the rep responded. */
    void withdraw() {
        result = Result.REASSIGNED;
    }

    /** The deadline passed without a response; the lead is taken away. */
    void breach(Instant at) {
        breachedAt = at;
        result = Result.BREACHED;
    }

    public String getId() {
        return id;
    }

    public String getLeadId() {
        return leadId;
    }

    public String getRepId() {
        return repId;
    }

    public String getTeamId() {
        return teamId;
    }

    public LeadTier getTier() {
        return tier;
    }

    /** The SLA as business time: {@code PT15M}, {@code P1D} ({@link BusinessTime}). */
    public String getResponseTime() {
        return responseTime;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getReminderAt() {
        return reminderAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public Instant getBreachedAt() {
        return breachedAt;
    }

    public Result getResult() {
        return result;
    }

    public Long getRoutingDelaySeconds() {
        return routingDelaySeconds;
    }

    public Long getRepDelaySeconds() {
        return repDelaySeconds;
    }
}
