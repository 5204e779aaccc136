package io.leadrouter.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One routing decision, kept so that reps and ops can ask "why did this lead go to Bob?" and
 * "why not me?": the rule and model version, the strategies tried, and every candidate with
 * its rank or the reason it was left out ({@code candidates}, JSON). Only routing decisions: the
 * lead's other moments (reminders, breaches, escalations, outcomes) are on its timeline
 * ({@link io.leadrouter.lead.LeadTimeline}).
 */
@Entity
@Table(name = "routing_decisions")
public class RoutingDecision {

    @Id
    private String id;

    @Column(name = "lead_id", nullable = false)
    private String leadId;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "rule_name")
    private String ruleName;

    @Column(name = "decision_key")
    private String decisionKey;

    @Column(name = "decision_version")
    private Integer decisionVersion;

    @Column(name = "team_id")
    private String teamId;

    private String strategy;

    @Column(name = "strategies_tried")
    private String strategiesTried;

    @Column(name = "chosen_rep")
    private String chosenRep;

    @Column(nullable = false)
    private String summary;

    private String candidates;

    protected RoutingDecision() {
    }

    RoutingDecision(String leadId, Instant decidedAt, RuleSource rule, String teamId, String strategy,
                    String strategiesTried, String chosenRep, String summary, String candidates) {
        this.id = UUID.randomUUID().toString();
        this.leadId = leadId;
        this.decidedAt = decidedAt;
        this.ruleName = rule == null ? null : rule.ruleName();
        this.decisionKey = rule == null ? null : rule.decisionKey();
        this.decisionVersion = rule == null ? null : rule.decisionVersion();
        this.teamId = teamId;
        this.strategy = strategy;
        this.strategiesTried = strategiesTried;
        this.chosenRep = chosenRep;
        this.summary = summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary;
        this.candidates = candidates;
    }

    public String getId() {
        return id;
    }

    public String getLeadId() {
        return leadId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRuleName() {
        return ruleName;
    }

    public String getDecisionKey() {
        return decisionKey;
    }

    public Integer getDecisionVersion() {
        return decisionVersion;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getStrategy() {
        return strategy;
    }

    public String getStrategiesTried() {
        return strategiesTried;
    }

    public String getChosenRep() {
        return chosenRep;
    }

    public String getSummary() {
        return summary;
    }

    public String getCandidates() {
        return candidates;
    }
}
