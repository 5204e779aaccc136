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

    /** Whether the team's reps may read each other's leads (without contact data); off by default. */
    @Column(name = "share_leads", nullable = false)
    private boolean shareLeads;

    protected Team() {
    }

    public Team(String id, String name) {
        this.id = id;
        this.name = name;
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
