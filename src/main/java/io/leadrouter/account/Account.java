package io.leadrouter.account;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A known customer account and the rep who owns it. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    private String domain;
    private String sector;

    @Column(name = "owner_id")
    private String ownerId;

    protected Account() {
    }

    public Account(String name, String domain, String sector, String ownerId) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.nameKey = CompanyNames.key(name);
        this.domain = domain;
        this.sector = sector;
        this.ownerId = ownerId;
    }

    /** Remembers a domain seen on a lead matched to this account by name. */
    void learnDomain(String domain) {
        if (this.domain == null && domain != null) {
            this.domain = domain;
        }
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

    public String getDomain() {
        return domain;
    }

    public String getSector() {
        return sector;
    }

    public String getOwnerId() {
        return ownerId;
    }
}
