package io.leadrouter.account;

import java.util.Comparator;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.normalise.Domains;

/**
 * Finds who already owns a lead's company, for sticky routing. In order: a known account with
 * the lead's e-mail or website domain (only domains from a trusted source: {@link AccountDomains});
 * a known account whose name matches the company ({@link CompanyNames}: {@code Acme Corp.} =
 * {@code Acme Corporation}, close misspellings too); an open lead of the same team from the same
 * company e-mail domain and its owner.
 *
 * <p>Nothing here learns from the lead: what an inbound lead claims (its company, e-mail and
 * website) can route that lead, but never the leads that come after it. Otherwise a lead naming
 * a known company and someone else's domain would bind that domain to the account.
 */
@Service
public class AccountOwners {

    private final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final LeadRepository leads;

    AccountOwners(AccountRepository accounts, AccountDomainRepository domains, LeadRepository leads) {
        this.accounts = accounts;
        this.domains = domains;
        this.leads = leads;
    }

    /** The owner found and how, in words ("owns account Acme Corporation (e-mail domain acme.com)"). */
    public record Owner(String repId, String how) {
    }

    /**
     * The owner of the lead's company. {@code team} is the team the routing rule chose: an open
     * lead from the same e-mail domain counts only in that team, since its domain is only what an
     * unverified lead claimed; it may keep a company's leads with one rep, never pull them into
     * another team.
     */
    @Transactional
    public Optional<Owner> ownerOf(String leadId, String team) {
        Lead lead = leads.require(leadId);
        String emailDomain = lead.getEmailDomain();
        String webDomain = Domains.ofWebsite(lead.getWebsite());
        for (String domain : new String[] {emailDomain, webDomain}) {
            if (domain != null) {
                Optional<Account> byDomain = domains.findTrusted(domain).map(AccountDomain::getAccount)
                        .filter(a -> a.getOwnerId() != null);
                if (byDomain.isPresent()) {
                    return byDomain.map(a -> owner(a, "domain " + domain));
                }
            }
        }
        Optional<Account> byName = accountNamed(lead.getCompany()).filter(a -> a.getOwnerId() != null);
        if (byName.isPresent()) {
            return byName.map(a -> owner(a, "company name '" + lead.getCompany() + "'"));
        }
        if (emailDomain != null && team != null) {
            return leads.findLatestWorkedLeadOfDomainInTeam(emailDomain, team, leadId)
                    .filter(open -> open.getOwnerId() != null)
                    .map(open -> new Owner(open.getOwnerId(), "owns an open lead from the same company ("
                            + emailDomain + ", " + open.getName() + ")"));
        }
        return Optional.empty();
    }

    /** The known account a company name names: the same name key, else the closest similar one. */
    @Transactional(readOnly = true)
    public Optional<Account> accountNamed(String company) {
        String key = CompanyNames.key(company);
        return key.isEmpty() ? Optional.empty() : accounts.findByNameKey(key).or(() -> closest(key));
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
