package io.leadrouter.lead;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One moment of a lead's life on its timeline ({@link LeadTimeline}): what happened, when, to
 * or by whom, and a summary in words. The id grows with every event, so events of the same
 * instant keep the order they happened in.
 */
@Entity
@Table(name = "lead_events")
public class LeadEvent {

    /** The size of {@code lead_events.summary}. */
    private static final int SUMMARY_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_id", nullable = false)
    private String leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private LeadEventType type;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "rep_id")
    private String rep;

    @Column(name = "team_id")
    private String team;

    private String actor;

    @Column(nullable = false)
    private String summary;

    protected LeadEvent() {
    }

    /**
     * @param rep   the rep (or manager) the event concerns: who got the lead, was reminded, missed
     *              the deadline, had it escalated to them or recorded the outcome; null if nobody
     * @param team  the team the lead is in at that moment, if known
     * @param actor the user who made it happen by hand (submitted, assigned, reassigned the lead);
     *              null when the process or routing did
     */
    public LeadEvent(String leadId, LeadEventType type, Instant occurredAt, String rep, String team, String actor,
                     String summary) {
        this.leadId = leadId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.rep = rep;
        this.team = team;
        this.actor = actor;
        this.summary = summary.length() > SUMMARY_LENGTH ? summary.substring(0, SUMMARY_LENGTH - 3) + "..." : summary;
    }

    public String getLeadId() {
        return leadId;
    }

    public LeadEventType getType() {
        return type;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getRep() {
        return rep;
    }

    public String getTeam() {
        return team;
    }

    public String getActor() {
        return actor;
    }

    public String getSummary() {
        return summary;
    }
}
