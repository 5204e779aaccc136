package io.leadrouter.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;

/** A known customer account, the rep who owns it, and the domains that name it. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    private String sector;

    @Column(name = "owner_id")
    private String ownerId;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("domain")
    @BatchSize(size = 100)
    private List<AccountDomain> domains = new ArrayList<>();

    protected Account() {
    }

    /** An account as its record has it; {@code domain} (may be null) is trusted as the record's own. */
    public Account(String name, String domain, String sector, String ownerId) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.nameKey = CompanyNames.key(name);
        this.sector = sector;
        this.ownerId = ownerId;
        if (domain != null) {
            domains.add(new AccountDomain(AccountDomains.parse(domain), this, AccountDomain.Source.RECORD, null,
                    null, null));
        }
    }

    Optional<AccountDomain> domain(String domain) {
        return domains.stream().filter(d -> d.getDomain().equals(domain)).findFirst();
    }

    void addDomain(String domain, AccountDomain.Source source, String addedBy, String leadId, Instant at) {
        domains.add(new AccountDomain(domain, this, source, addedBy, leadId, at));
    }

    void removeDomain(AccountDomain domain) {
        domains.remove(domain);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getSector() {
        return sector;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public List<AccountDomain> getDomains() {
        return List.copyOf(domains);
    }
}
