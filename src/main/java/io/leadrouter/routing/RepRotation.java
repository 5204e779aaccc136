package io.leadrouter.routing;

import java.util.Comparator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.leadrouter.team.Rep;

/**
 * Routing's state about a rep: its places in the team's rotations and its open-lead count, apart
 * from the rep's entry in the directory ({@link Rep}).
 *
 * <p>The database keeps a row for every rep (a trigger on {@code reps}, migration V19), with copies
 * of the settings routing pages large teams by (team, active and available, seniority, open-lead
 * cap): an index orders by the columns of one table only. Open leads are counted by the trigger on
 * {@code leads} ({@link OpenLeadCountTrigger}). Routing writes the places, under the team's row
 * lock ({@link CandidatePool}); updates write only the changed columns, so a change of the rep's
 * settings copied meanwhile is not overwritten.
 */
@Entity
@Table(name = "rep_rotation")
@DynamicUpdate
class RepRotation {

    /** Longest waiting first: the order round-robin, priority and capacity routing share. */
    static final Comparator<RepRotation> LONGEST_WAITING =
            Comparator.comparingLong(RepRotation::getRoundRobinTicket).thenComparing(RepRotation::getRepId);

    @Id
    @Column(name = "rep_id")
    private String repId;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rep_id", insertable = false, updatable = false)
    private Rep rep;

    /* Copies of the rep's settings, kept by the database; the paged queries filter and order by them. */
    @Column(name = "team_id", insertable = false, updatable = false)
    private String teamId;

    @Column(name = "takes_leads", insertable = false, updatable = false)
    private boolean takesLeads;

    @Column(insertable = false, updatable = false)
    private int seniority;

    @Column(name = "max_open", insertable = false, updatable = false)
    private Integer maxOpen;

    /** The team's round-robin turn at the rep's last round-robin lead (0: none yet). */
    @Column(name = "rr_ticket", nullable = false)
    private long roundRobinTicket;

    /** Place in the team's weighted round-robin rotation, in virtual time (0: none yet). */
    @Column(name = "weighted_turn", nullable = false)
    private double weightedTurn;

    /** Place in the team's performance-routing rotation, in virtual time (0: none yet). */
    @Column(name = "performance_turn", nullable = false)
    private double performanceTurn;

    /** Open (assigned, not yet worked) leads, counted by the database as leads change; never written here. */
    @Column(name = "open_leads", insertable = false, updatable = false)
    private int openLeads;

    /** {@code max_open - open_leads} for a rep with a cap (null without), computed by the database. */
    @Column(name = "cap_headroom", insertable = false, updatable = false)
    private Integer capHeadroom;

    protected RepRotation() {
    }

    String getRepId() {
        return repId;
    }

    Rep getRep() {
        return rep;
    }

    long getRoundRobinTicket() {
        return roundRobinTicket;
    }

    /** Moves this rep to the back of the team's round-robin queue. */
    void takeRoundRobinTurn(long turn) {
        this.roundRobinTicket = turn;
    }

    double getWeightedTurn() {
        return weightedTurn;
    }

    void setWeightedTurn(double turn) {
        this.weightedTurn = turn;
    }

    double getPerformanceTurn() {
        return performanceTurn;
    }

    void setPerformanceTurn(double turn) {
        this.performanceTurn = turn;
    }

    int getOpenLeads() {
        return openLeads;
    }
}
