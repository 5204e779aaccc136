package io.leadrouter.team;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.leadrouter.web.InvalidRequestException;

/** An out-of-office period: the rep gets no leads from {@code startsAt} until {@code endsAt}. */
@Entity
@Table(name = "rep_absences")
public class RepAbsence {

    @Id
    private String id;

    @Column(name = "rep_id", nullable = false)
    private String repId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    private String reason;

    protected RepAbsence() {
    }

    public RepAbsence(String repId, Instant startsAt, Instant endsAt, String reason) {
        if (!startsAt.isBefore(endsAt)) {
            throw new InvalidRequestException("an absence must start before it ends");
        }
        this.id = UUID.randomUUID().toString();
        this.repId = repId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
    }

    public String getId() {
        return id;
    }

    public String getRepId() {
        return repId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getReason() {
        return reason;
    }
}
