package io.leadrouter.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * Routing's state about a team: its round-robin turn counter and the clocks of its virtual-time
 * rotations ({@link VirtualTurns}). The database keeps a row for every team (a trigger on
 * {@code teams}, migration V19); routing writes it under the team's row lock ({@link CandidatePool}).
 */
@Entity
@Table(name = "team_rotation")
@DynamicUpdate
class TeamRotation {

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "rr_sequence", nullable = false)
    private long roundRobinSequence;

    /** Virtual time of the team's weighted round-robin rotation: the place of the last rep served. */
    @Column(name = "weighted_clock", nullable = false)
    private double weightedClock;

    /** Virtual time of the team's performance-routing rotation. */
    @Column(name = "performance_clock", nullable = false)
    private double performanceClock;

    protected TeamRotation() {
    }

    /** Hands out the next round-robin turn of this team. Callers hold the team's row lock. */
    long nextRoundRobinTurn() {
        return ++roundRobinSequence;
    }

    double getWeightedClock() {
        return weightedClock;
    }

    void setWeightedClock(double clock) {
        this.weightedClock = clock;
    }

    double getPerformanceClock() {
        return performanceClock;
    }

    void setPerformanceClock(double clock) {
        this.performanceClock = clock;
    }
}
