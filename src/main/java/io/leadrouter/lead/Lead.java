package io.leadrouter.lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.leadrouter.normalise.CountrySource;
import io.leadrouter.normalise.Domains;

/**
 * A lead as Lead Router holds it. The process carries only the lead id and the few values its
 * gateways and forms read; this row is the record of truth.
 */
@Entity
@Table(name = "leads")
public class Lead {

    @Id
    private String id;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String email;

    /** The company domain of the e-mail (free mail providers excluded), for account matching. */
    @Column(name = "email_domain")
    private String emailDomain;

    /**
     * Where the country came from: given, or read from another field (normalise/CountryInference).
     * Null without a country, and for leads validated before it was recorded.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "country_source")
    private CountrySource countrySource;

    @Column(name = "merged_into")
    private String mergedInto;

    /**
     * The lead passed the duplicate check as its person's open lead: later leads of the same
     * e-mail address merge into it while it is open (intake/LeadValidation).
     */
    @Column(name = "passed_duplicate_check", nullable = false)
    private boolean passedDuplicateCheck;

    private String phone;
    private String company;
    private String website;
    private String country;
    private String state;
    private String city;
    private String industry;
    private Integer employees;

    @Column(name = "annual_revenue")
    private BigDecimal annualRevenue;

    private String product;
    private String source;
    private String language;

    /** Further fields from the source system, kept as given (JSON object). */
    private String attributes;

    /** Soft data problems found by validation, one per line. */
    private String problems;

    /**
     * The codes of {@link #problems} ({@link LeadProblem}), comma-separated in the same order: what
     * the review policy decides on. Null for leads validated before V21, whose problems are text only.
     */
    @Column(name = "problem_codes")
    private String problemCodes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    private Integer score;

    @Enumerated(EnumType.STRING)
    private LeadTier tier;

    /** What the published conversion model judged when Score lead last ran; null when the rules alone scored. */
    @Column(name = "conversion_probability")
    private Double conversionProbability;

    /** The factors behind {@link #conversionProbability}, strongest first, as JSON text ({@link ScoreFactors}). */
    @Column(name = "score_factors")
    private String scoreFactors;

    /** The registry version of the model behind {@link #conversionProbability}. */
    @Column(name = "scoring_model_version")
    private Integer scoringModelVersion;

    @Enumerated(EnumType.STRING)
    private LeadQualification qualification;

    @Column(name = "qualification_reason")
    private String qualificationReason;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "routing_strategy")
    private String routingStrategy;

    @Column(name = "routing_rule")
    private String routingRule;

    @Column(name = "routing_reason")
    private String routingReason;

    @Column(name = "routing_decided_at")
    private Instant routingDecidedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "first_assigned_at")
    private Instant firstAssignedAt;

    /** The response deadline of the rep who has the lead now (business time, see {@code sla}). */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    /** True: the first response came in time; false: a rep missed the deadline; null: not known yet. */
    @Column(name = "sla_met")
    private Boolean slaMet;

    /** How often the lead was taken from a rep who missed the response SLA and given to another. */
    @Column(nullable = false)
    private int reassignments;

    @Column(name = "escalated_to")
    private String escalatedTo;

    @Enumerated(EnumType.STRING)
    private LeadOutcome outcome;

    @Column(name = "outcome_note")
    private String outcomeNote;

    /** The value of the deal of a CONVERTED lead. */
    @Column(name = "deal_value")
    private BigDecimal dealValue;

    /** Why a LOST lead was lost: a value of the modelers' list ({@link LostReasons}). */
    @Column(name = "lost_reason")
    private String lostReason;

    /** When whoever follows the contacted lead up means to (the Follow up lead task's follow-up date). */
    @Column(name = "follow_up_at")
    private Instant followUpAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /** The user who posted or imported the lead (the intake account, usually); null for leads from before. */
    @Column(name = "submitted_by")
    private String submittedBy;

    /**
     * The lead source whose mapping read the lead ({@code processes/sources/<id>.source.yaml}):
     * {@code default} for a CSV import that named none; null for a lead sent in Lead Router's own form.
     */
    @Column(name = "source_mapping")
    private String sourceMapping;

    /**
     * The source of a history lead ({@link LeadStatus#HISTORY}), empty for the installation's own
     * leads: an externalId is unique among the own leads and among each source's history, so
     * importing a source's past leads again stores none twice, and a live lead may carry the
     * externalId of a past one.
     */
    @Column(name = "history_source", nullable = false)
    private String historySource = "";

    /** A history lead's place in time among the history leads (older: smaller); null for own leads. */
    @Column(name = "history_order")
    private Long historyOrder;

    @Version
    private long version;

    protected Lead() {
    }

    public static Lead receive(LeadData data, Instant receivedAt, String submittedBy) {
        return receive(data, receivedAt, submittedBy, null);
    }

    /** A lead received through the mapping of a lead source ({@link #getSourceMapping()}). */
    public static Lead receive(LeadData data, Instant receivedAt, String submittedBy, String sourceMapping) {
        Lead lead = new Lead();
        lead.submittedBy = submittedBy;
        lead.sourceMapping = sourceMapping;
        lead.id = UUID.randomUUID().toString();
        lead.apply(data);
        lead.status = LeadStatus.RECEIVED;
        lead.receivedAt = receivedAt;
        return lead;
    }

    /**
     * A past lead of a source's CRM, imported for scoring models to learn from: stored closed
     * ({@link LeadStatus#HISTORY}) with its outcome, CONVERTED or LOST (not converted), and its
     * place in time among the history leads; never routed (no process, owner, team or SLA). Its
     * fields are given normalised, as intake's validation leaves a live lead's, so that a model
     * reads both alike.
     */
    public static Lead fromHistory(LeadData normalised, CountrySource countrySource, List<LeadProblem.Found> problems,
                                   String sourceMapping, long order, boolean converted, Instant importedAt,
                                   String importedBy) {
        Lead lead = receive(normalised, importedAt, importedBy, Objects.requireNonNull(sourceMapping));
        lead.countrySource = countrySource;
        lead.markProblems(problems);
        lead.historySource = sourceMapping;
        lead.historyOrder = order;
        lead.status = LeadStatus.HISTORY;
        lead.outcome = converted ? LeadOutcome.CONVERTED : LeadOutcome.LOST;
        lead.closedAt = importedAt;
        return lead;
    }

    /**
     * Overwrites the fields a source system sends: at receipt, then normalised, then as sales ops
     * corrected them (both keep the external id the lead came with).
     */
    public void apply(LeadData data) {
        for (LeadField field : LeadField.values()) {
            field.set(this, field.of(data));
        }
        emailDomain = Domains.ofEmail(email);
    }

    /**
     * Overwrites the fields with their normalised values and records where the country came from.
     * A country normalised again as it was keeps its source: a retried validation, or a review
     * that left an inferred country as it stood, does not make it given.
     */
    public void applyNormalised(LeadData normalised, CountrySource countrySource) {
        boolean countryAsItWas = countrySource == CountrySource.GIVEN && this.countrySource != null
                && Objects.equals(country, normalised.country());
        apply(normalised);
        if (!countryAsItWas) {
            this.countrySource = countrySource;
        }
    }

    public LeadData data() {
        return LeadData.of(field -> field.of(this));
    }

    /**
     * Records the soft problems validation found (none: null). A problem alone holds nothing up:
     * the review policy decides whether the lead waits for a person ({@link #holdForReview()}).
     */
    public void markProblems(List<LeadProblem.Found> found) {
        this.problems = found.isEmpty() ? null
                : String.join("\n", found.stream().map(LeadProblem.Found::text).toList());
        this.problemCodes = found.isEmpty() ? null
                : String.join(",", found.stream().map(problem -> problem.problem().name()).toList());
    }

    /**
     * The soft problems validation found, each with its code, in the order found; empty for a lead
     * without problems, and for a lead validated before its problems had codes (V21).
     */
    public List<LeadProblem.Found> problems() {
        if (problemCodes == null || problems == null) {
            return List.of();
        }
        List<String> codes = Arrays.asList(problemCodes.split(","));
        List<String> texts = Arrays.asList(problems.split("\n", -1));
        List<LeadProblem.Found> found = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            found.add(LeadProblem.valueOf(codes.get(i)).found(i < texts.size() ? texts.get(i) : codes.get(i)));
        }
        return found;
    }

    /** The review policy holds the lead for a person (Review lead) before it is qualified and routed. */
    public void holdForReview() {
        if (status == LeadStatus.RECEIVED) {
            status = LeadStatus.IN_REVIEW;
        }
    }

    public void acceptReview() {
        if (status == LeadStatus.IN_REVIEW) {
            status = LeadStatus.RECEIVED;
        }
    }

    /** The rules' score and tier; no model scored the lead (what a model said before is cleared). */
    public void recordScore(int score, LeadTier tier) {
        recordScore(score, tier, null);
    }

    /**
     * The rules' score, the tier, and what the published conversion model said; {@code conversion}
     * null when no model scored the lead: a lead scored again without a model keeps no probability
     * of an earlier one, so what it shows is what decided its tier.
     */
    public void recordScore(int score, LeadTier tier, ConversionScore conversion) {
        this.score = score;
        this.tier = tier;
        this.conversionProbability = conversion == null ? null : conversion.probability();
        this.scoreFactors = conversion == null ? null : ScoreFactors.json(conversion.factors());
        this.scoringModelVersion = conversion == null ? null : conversion.modelVersion();
    }

    public void recordQualification(LeadQualification qualification, String reason) {
        this.qualification = qualification;
        this.qualificationReason = reason;
    }

    public void assignTo(String ownerId, String teamId, String strategy, String rule, String reason, Instant at) {
        this.ownerId = ownerId;
        this.teamId = teamId;
        this.routingStrategy = strategy;
        this.routingRule = rule;
        this.routingReason = reason;
        this.routingDecidedAt = at;
        this.assignedAt = at;
        if (firstAssignedAt == null) {
            this.firstAssignedAt = at;
        }
        this.status = LeadStatus.ASSIGNED;
    }

    /**
     * Gives a contacted lead, in follow-up, to another rep: owner, team and routing explanation
     * move; the lead stays CONTACTED with its follow-up date, and the response measures (the first
     * response, the SLA) stay as they were: it was responded to already.
     */
    public void handOverFollowUp(String ownerId, String teamId, String strategy, String reason, Instant at) {
        if (status != LeadStatus.CONTACTED) {
            throw new IllegalStateException("Lead " + id + " is " + status + ", not in follow-up");
        }
        this.ownerId = ownerId;
        this.teamId = teamId;
        this.routingStrategy = strategy;
        this.routingReason = reason;
        this.routingDecidedAt = at;
        this.assignedAt = at;
    }

    /** Gives the lead to another rep after its rep missed the response SLA. */
    public void reassignTo(String ownerId, String teamId, String strategy, String reason, Instant at) {
        assignTo(ownerId, teamId, strategy, routingRule, reason, at);
        reassignments++;
    }

    /** A rep's response clock started: the lead is due by {@code dueAt}. */
    public void startResponseClock(Instant dueAt) {
        this.slaDueAt = dueAt;
    }

    /** A rep let the deadline pass: whatever happens next, this lead missed its SLA. */
    public void missResponseSla() {
        this.slaMet = false;
    }

    /** The lead got a response (an outcome recorded); only the first counts for the measures. */
    public void respond(Instant at) {
        if (firstResponseAt != null) {
            return;
        }
        firstResponseAt = at;
        if (slaMet == null && slaDueAt != null) {
            slaMet = !at.isAfter(slaDueAt);
        }
    }

    /** Nobody responded in time and nobody else is left: the lead goes to a manager. */
    public void escalateTo(String managerId, String reason, Instant at) {
        this.ownerId = null;
        this.escalatedTo = managerId;
        this.routingStrategy = "escalation";
        this.routingReason = reason;
        this.routingDecidedAt = at;
        this.status = LeadStatus.ESCALATED;
    }

    /** From receipt to the first rep: how long routing (and any manual assignment) took. */
    public Duration routingDelay() {
        return firstAssignedAt == null ? null : Duration.between(receivedAt, firstAssignedAt);
    }

    /** From the first rep to the first response, including time with reps who missed the SLA. */
    public Duration repDelay() {
        return firstAssignedAt == null || firstResponseAt == null ? null
                : Duration.between(firstAssignedAt, firstResponseAt);
    }

    /** Routing found nobody eligible: the lead stays unowned until sales ops assign it. */
    public void routingFoundNobody(String teamId, String strategy, String rule, String reason, Instant at) {
        this.ownerId = null;
        this.teamId = teamId;
        this.routingStrategy = strategy;
        this.routingRule = rule;
        this.routingReason = reason;
        this.routingDecidedAt = at;
        this.assignedAt = null;
        this.status = LeadStatus.RECEIVED;
    }

    public void close(LeadStatus closingStatus, String reason, Instant at) {
        this.status = closingStatus;
        if (reason != null) {
            this.qualificationReason = reason;
        }
        this.closedAt = at;
    }

    public void recordOutcome(LeadOutcome outcome, String note, Instant at) {
        recordOutcome(outcome, note, null, null, at);
    }

    /**
     * The lead's outcome changes: contacted (it stays open, in follow-up), or final (it closes, with
     * the deal value of a conversion or the reason of a loss, and no follow-up is due any more).
     */
    public void recordOutcome(LeadOutcome outcome, String note, BigDecimal dealValue, String lostReason, Instant at) {
        this.outcome = outcome;
        this.outcomeNote = note;
        this.status = outcome.status();
        if (outcome.closesLead()) {
            this.closedAt = at;
            this.dealValue = outcome == LeadOutcome.CONVERTED ? dealValue : null;
            this.lostReason = outcome == LeadOutcome.LOST ? lostReason : null;
            this.followUpAt = null;
        }
    }

    /** A follow-up that leaves the lead contacted: its note is the latest word on the lead. */
    public void followedUp(String note) {
        if (note != null) {
            this.outcomeNote = note;
        }
    }

    /**
     * A manager contacted an escalated lead and follows it up: it stays escalated to them (no rep
     * owns it), so they hear its follow-up reminders and read it as theirs.
     */
    public void holdInFollowUp(String manager) {
        if (ownerId == null && manager != null) {
            this.escalatedTo = manager;
        }
    }

    /** Whoever follows the lead up means to on that instant (null: no date). */
    public void scheduleFollowUp(Instant at) {
        this.followUpAt = at;
    }

    /** Who works the lead now: its owner, or the manager it was escalated to. */
    public String holder() {
        return ownerId != null ? ownerId : escalatedTo;
    }

    /** No open lead of the same person passed the check before this one: this lead is theirs. */
    public void passDuplicateCheck() {
        this.passedDuplicateCheck = true;
    }

    public boolean hasPassedDuplicateCheck() {
        return passedDuplicateCheck;
    }

    /** This lead duplicates an open lead of the same person: it is closed as merged into that one. */
    public void mergeInto(String openLeadId, Instant at) {
        this.mergedInto = openLeadId;
        this.status = LeadStatus.MERGED;
        this.closedAt = at;
    }

    public void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    // Setters of the fields a source system sends, used through LeadField only (see apply).

    void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    void setLastName(String lastName) {
        this.lastName = lastName;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void setCompany(String company) {
        this.company = company;
    }

    void setWebsite(String website) {
        this.website = website;
    }

    void setCountry(String country) {
        this.country = country;
    }

    void setState(String state) {
        this.state = state;
    }

    void setCity(String city) {
        this.city = city;
    }

    void setIndustry(String industry) {
        this.industry = industry;
    }

    void setEmployees(Integer employees) {
        this.employees = employees;
    }

    void setAnnualRevenue(BigDecimal annualRevenue) {
        this.annualRevenue = annualRevenue;
    }

    void setProduct(String product) {
        this.product = product;
    }

    void setSource(String source) {
        this.source = source;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setAttributes(String attributes) {
        this.attributes = attributes;
    }

    public String getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getName() {
        if (firstName == null && lastName == null) {
            return null;
        }
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String getEmail() {
        return email;
    }

    public String getEmailDomain() {
        return emailDomain;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public String getPhone() {
        return phone;
    }

    public String getCompany() {
        return company;
    }

    public String getWebsite() {
        return website;
    }

    public String getCountry() {
        return country;
    }

    public CountrySource getCountrySource() {
        return countrySource;
    }

    public String getState() {
        return state;
    }

    public String getCity() {
        return city;
    }

    public String getIndustry() {
        return industry;
    }

    public Integer getEmployees() {
        return employees;
    }

    public BigDecimal getAnnualRevenue() {
        return annualRevenue;
    }

    public String getProduct() {
        return product;
    }

    public String getSource() {
        return source;
    }

    public String getLanguage() {
        return language;
    }

    public String getAttributes() {
        return attributes;
    }

    public String getProblems() {
        return problems;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public Integer getScore() {
        return score;
    }

    public LeadTier getTier() {
        return tier;
    }

    /** The published model's probability that the lead converts (0 to 1); null when no model scored it. */
    public Double getConversionProbability() {
        return conversionProbability;
    }

    /** The factors behind {@link #getConversionProbability()}, strongest first; null when no model scored the lead. */
    public List<ConversionScore.Factor> getScoreFactors() {
        return ScoreFactors.read(scoreFactors, id);
    }

    /** The registry version of the model that scored the lead; null when no model did. */
    public Integer getScoringModelVersion() {
        return scoringModelVersion;
    }

    public LeadQualification getQualification() {
        return qualification;
    }

    public String getQualificationReason() {
        return qualificationReason;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getRoutingStrategy() {
        return routingStrategy;
    }

    public String getRoutingRule() {
        return routingRule;
    }

    public String getRoutingReason() {
        return routingReason;
    }

    public Instant getRoutingDecidedAt() {
        return routingDecidedAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Boolean getSlaMet() {
        return slaMet;
    }

    public int getReassignments() {
        return reassignments;
    }

    public String getEscalatedTo() {
        return escalatedTo;
    }

    public LeadOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public BigDecimal getDealValue() {
        return dealValue;
    }

    public String getLostReason() {
        return lostReason;
    }

    public Instant getFollowUpAt() {
        return followUpAt;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getSourceMapping() {
        return sourceMapping;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** A past lead imported as history ({@link #fromHistory}), not one of the installation's own. */
    public boolean isHistory() {
        return historyOrder != null;
    }

    /** The source of a history lead; empty for an own lead. */
    public String getHistorySource() {
        return historySource;
    }

    /** A history lead's place in time among the history leads; null for an own lead. */
    public Long getHistoryOrder() {
        return historyOrder;
    }
}
