package io.leadrouter.account;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.normalise.Domains;

/**
 * Finds who already owns a lead's company, for sticky routing. In order: a known account with
 * the lead's e-mail or website domain; a known account whose name matches the company
 * ({@link CompanyNames}: {@code Acme Corp.} = {@code Acme Corporation}, close misspellings too);
 * an open lead from the same company e-mail domain and its owner.
 */
@Service
public class AccountOwners {

    private static final EnumSet<LeadStatus> OPEN = EnumSet.of(LeadStatus.ASSIGNED, LeadStatus.CONTACTED);

    private final AccountRepository accounts;
    private final LeadRepository leads;

    AccountOwners(AccountRepository accounts, LeadRepository leads) {
        this.accounts = accounts;
        this.leads = leads;
    }

    /** The owner found and how, in words ("owns account Acme Corporation (e-mail domain acme.com)"). */
    public record Owner(String repId, String how) {
    }

    @Transactional
    public Optional<Owner> ownerOf(String leadId) {
        Lead lead = leads.require(leadId);
        String emailDomain = lead.getEmailDomain();
        String webDomain = Domains.ofWebsite(lead.getWebsite());
        for (String domain : new String[] {emailDomain, webDomain}) {
            if (domain != null) {
                Optional<Account> byDomain = accounts.findFirstByDomain(domain).filter(a -> a.getOwnerId() != null);
                if (byDomain.isPresent()) {
                    return byDomain.map(a -> owner(a, "domain " + domain));
                }
            }
        }
        String key = CompanyNames.key(lead.getCompany());
        if (!key.isEmpty()) {
            Optional<Account> byName = accounts.findByNameKey(key)
                    .or(() -> closest(key))
                    .filter(a -> a.getOwnerId() != null);
            if (byName.isPresent()) {
                byName.get().learnDomain(emailDomain != null ? emailDomain : webDomain);
                return byName.map(a -> owner(a, "company name '" + lead.getCompany() + "'"));
            }
        }
        if (emailDomain != null) {
            return leads.findFirstByEmailDomainAndStatusInAndIdNotOrderByAssignedAtDesc(emailDomain, OPEN, leadId)
                    .filter(open -> open.getOwnerId() != null)
                    .map(open -> new Owner(open.getOwnerId(), "owns an open lead from the same company ("
                            + emailDomain + ", " + open.getName() + ")"));
        }
        return Optional.empty();
    }

    private Optional<Account> closest(String key) {
        return accounts.findByNameKeyStartingWith(key.substring(0, Math.min(2, key.length()))).stream()
                .filter(a -> CompanyNames.similar(key, a.getNameKey()))
                .max(Comparator.comparingDouble(a -> CompanyNames.jaroWinkler(key, a.getNameKey())));
    }

    private static Owner owner(Account account, String matchedBy) {
        return new Owner(account.getOwnerId(), "owns account " + account.getName() + " (matched by " + matchedBy + ")");
    }
}
