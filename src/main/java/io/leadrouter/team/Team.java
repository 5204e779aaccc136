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

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getRoundRobinSequence() {
        return roundRobinSequence;
    }
}
