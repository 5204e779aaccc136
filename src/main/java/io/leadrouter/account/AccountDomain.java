package io.leadrouter.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A domain (e-mail or website) that names an account, and where Lead Router learned it. A domain
 * names one account at most. Routing by domain trusts every source but {@link Source#UNCONFIRMED}.
 */
@Entity
@Table(name = "account_domains")
public class AccountDomain {

    /** Where a domain came from. An inbound lead is never one of them. */
    public enum Source {
        /** The account's own record (as the account was created). */
        RECORD,
        /** Set by sales ops or an admin through {@code /api/accounts/{id}/domains}. */
        SALES_OPS,
        /** The account's owner converted a lead from this domain that came to them by the company name. */
        CONVERTED_LEAD,
        /** Learned from an inbound lead before Lead Router checked its sources: waits for confirmation. */
        UNCONFIRMED;

        public boolean trusted() {
            return this != UNCONFIRMED;
        }
    }

    @Id
    private String domain;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Column(name = "added_by")
    private String addedBy;

    @Column(name = "lead_id")
    private String leadId;

    @Column(name = "added_at")
    private Instant addedAt;

    protected AccountDomain() {
    }

    AccountDomain(String domain, Account account, Source source, String addedBy, String leadId, Instant addedAt) {
        this.domain = domain;
        this.account = account;
        this.source = source;
        this.addedBy = addedBy;
        this.leadId = leadId;
        this.addedAt = addedAt;
    }

    /** A trusted source vouches for a domain that was waiting for confirmation. */
    void confirm(Source by, String addedBy, String leadId, Instant at) {
        this.source = by;
        this.addedBy = addedBy;
        this.leadId = leadId;
        this.addedAt = at;
    }

    public String getDomain() {
        return domain;
    }

    public Account getAccount() {
        return account;
    }

    public Source getSource() {
        return source;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public String getLeadId() {
        return leadId;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
