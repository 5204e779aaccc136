package io.leadrouter.team;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sales rep who can be given leads. The id is the rep's Camunda user id. */
@Entity
@Table(name = "reps")
public class Rep {

    @Id
    private String id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    private String email;

    @Column(name = "team_id", nullable = false)
    private String teamId;

    @Column(name = "manager_id")
    private String managerId;

    @Column(nullable = false)
    private boolean available = true;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "rr_ticket", nullable = false)
    private long roundRobinTicket;

    @Column(name = "leads_assigned", nullable = false)
    private long leadsAssigned;

    protected Rep() {
    }

    public Rep(String id, String firstName, String lastName, String email, String teamId, String managerId) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.teamId = teamId;
        this.managerId = managerId;
    }

    /** True when the rep may be given a lead now. */
    public boolean isEligible() {
        return active && available;
    }

    /** Moves this rep to the back of the team's round-robin queue. */
    public void takeRoundRobinTurn(long turn) {
        this.roundRobinTicket = turn;
    }

    public void countAssignment() {
        this.leadsAssigned++;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getName() {
        return firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getManagerId() {
        return managerId;
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isActive() {
        return active;
    }

    public long getRoundRobinTicket() {
        return roundRobinTicket;
    }

    public long getLeadsAssigned() {
        return leadsAssigned;
    }
}
