package io.leadrouter.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** A sales team (regional office); its id is also the Camunda group of its reps. */
@Entity
@Table(name = "teams")
@DynamicUpdate
public class Team {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "rr_sequence", nullable = false)
    private long roundRobinSequence;

    /** Virtual time of the team's weighted round-robin rotation: the place of the last rep served. */
    @Column(name = "weighted_clock", nullable = false)
    private double weightedClock;

    /** Virtual time of the team's performance-routing rotation. */
    @Column(name = "performance_clock", nullable = false)
    private double performanceClock;

    /** Whether the team's reps may read each other's leads (without contact data); off by default. */
    @Column(name = "share_leads", nullable = false)
    private boolean shareLeads;

    protected Team() {
    }

    public Team(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Hands out the next round-robin turn of this team. Callers hold the team's row lock. */
    public long nextRoundRobinTurn() {
        return ++roundRobinSequence;
    }

    public double getWeightedClock() {
        return weightedClock;
    }

    public void setWeightedClock(double clock) {
        this.weightedClock = clock;
    }

    public double getPerformanceClock() {
        return performanceClock;
    }

    public void setPerformanceClock(double clock) {
        this.performanceClock = clock;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean sharesLeads() {
        return shareLeads;
    }

    public void shareLeads(boolean share) {
        this.shareLeads = share;
    }
}
