package io.leadrouter.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.LeadOutcomeRecorded;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.normalise.Domains;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;
import io.leadrouter.web.InvalidRequestException;

/**
 * The domains that name an account, learned only from trusted sources: the account's own record,
 * sales ops, and a lead the account's owner converted. An inbound lead teaches nothing: anyone can
 * post a known company's name with someone else's domain ({@link AccountOwners} only reads).
 *
 * <p>A converted lead teaches its company e-mail domain (else its website's) when the lead came
 * by the company's name to the rep who owns the account and that rep recorded CONVERTED: a rep has
 * then done business with the person. Free mail domains never name an account, and a domain that
 * already names another account stays with it.
 */
@Service
public class AccountDomains {

    /** Host names: letters, digits and hyphens in dot-separated labels, a top-level domain of letters. */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    /** At most this many domains per account (a request's list included). */
    static final int MAX_DOMAINS = 50;

    private final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final AccountOwners owners;
    private final LeadRepository leads;
    private final Clock clock;

    AccountDomains(AccountRepository accounts, AccountDomainRepository domains, AccountOwners owners,
                   LeadRepository leads, Clock clock) {
        this.accounts = accounts;
        this.domains = domains;
        this.owners = owners;
        this.leads = leads;
        this.clock = clock;
    }

    /** A domain another account has already: it names one account at most. */
    public static class DomainTakenException extends RuntimeException {

        DomainTakenException(String domain, Account other) {
            super("The domain " + domain + " already names the account " + other.getName() + " (" + other.getId()
                    + "); remove it there first");
        }
    }

    /**
     * The domain as stored: the registrable domain ({@link Domains#registrable}), as a lead's
     * e-mail and website domains are, so that they match: {@code https://www.Acme.com/about} is
     * {@code acme.com}, {@code sales.acme.co.uk} is {@code acme.co.uk}. Rejects what is no host
     * name and free mail providers, which say nothing about a company.
     */
    public static String parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRequestException("must be a domain such as acme.com");
        }
        String domain = Domains.registrable(raw.trim());
        if (domain == null || !HOST_NAME.matcher(domain).matches()) {
            throw new InvalidRequestException("'" + abbreviated(raw) + "' is not a domain such as acme.com");
        }
        if (Domains.isFreeMail(domain)) {
            throw new InvalidRequestException(domain + " is a free mail provider: it names no company");
        }
        return domain;
    }

    /**
     * Sales ops set the account's domains to exactly these. Domains the account keeps keep their
     * record; new ones are recorded as set by {@code user}; a domain of another account is refused.
     */
    @Transactional
    public Account set(String accountId, List<String> requested, String user) {
        Set<String> wanted = parseAll(requested, "domains");
        Account account = lockedAccount(accountId);
        for (String domain : wanted) {
            add(account, domain, AccountDomain.Source.SALES_OPS, user, null);
        }
        account.getDomains().stream().filter(d -> !wanted.contains(d.getDomain())).forEach(account::removeDomain);
        return account;
    }

    /** Sales ops add one domain to the account. */
    @Transactional
    public Account add(String accountId, String requested, String user) {
        String domain = parseAll(requested == null ? null : List.of(requested), "domain").iterator().next();
        Account account = lockedAccount(accountId);
        if (account.getDomains().size() >= MAX_DOMAINS && account.domain(domain).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("domain",
                    "an account has at most " + MAX_DOMAINS + " domains")));
        }
        add(account, domain, AccountDomain.Source.SALES_OPS, user, null);
        return account;
    }

    /** Sales ops remove a domain from the account; false when the account had no such domain. */
    @Transactional
    public boolean remove(String accountId, String domain) {
        Account account = lockedAccount(accountId);
        Optional<AccountDomain> held = account.domain(domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT));
        held.ifPresent(account::removeDomain);
        return held.isPresent();
    }

    /** A rep's converted lead: the one outcome that teaches an account a domain (see the class comment). */
    @EventListener
    void on(LeadOutcomeRecorded recorded) {
        if (recorded.outcome() != LeadOutcome.CONVERTED || recorded.owner() == null) {
            return;
        }
        Lead lead = leads.require(recorded.leadId());
        String domain = companyDomain(lead);
        if (domain == null) {
            return;
        }
        owners.accountNamed(lead.getCompany())
                .filter(account -> recorded.owner().equals(account.getOwnerId()))
                .ifPresent(named -> {
                    Account account = lockedAccount(named.getId());
                    Optional<AccountDomain> existing = domains.findById(domain);
                    if (existing.isEmpty() || existing.get().getAccount().getId().equals(account.getId())) {
                        add(account, domain, AccountDomain.Source.CONVERTED_LEAD, recorded.owner(), lead.getId());
                    }
                });
    }

    private static String companyDomain(Lead lead) {
        String domain = lead.getEmailDomain() != null ? lead.getEmailDomain() : Domains.ofWebsite(lead.getWebsite());
        try {
            return domain == null ? null : parse(domain);
        } catch (IllegalArgumentException noCompanyDomain) {
            return null;
        }
    }

    /**
     * Adds the domain, or confirms it if the account has it unconfirmed; a trusted domain the
     * account has already stays as it was recorded.
     */
    private void add(Account account, String domain, AccountDomain.Source source, String by, String leadId) {
        Optional<AccountDomain> own = account.domain(domain);
        if (own.isPresent()) {
            if (!own.get().getSource().trusted()) {
                own.get().confirm(source, by, leadId, clock.instant());
            }
            return;
        }
        Optional<AccountDomain> elsewhere = domains.findById(domain);
        if (elsewhere.isPresent()) {
            throw new DomainTakenException(domain, elsewhere.get().getAccount());
        }
        account.addDomain(domain, source, by, leadId, clock.instant());
    }

    private Account lockedAccount(String accountId) {
        return accounts.findByIdForUpdate(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    private static Set<String> parseAll(List<String> requested, String field) {
        if (requested == null) {
            throw new InvalidInputException(List.of(new FieldError(field, "is missing")));
        }
        if (requested.size() > MAX_DOMAINS) {
            throw new InvalidInputException(List.of(new FieldError(field,
                    "an account has at most " + MAX_DOMAINS + " domains")));
        }
        Set<String> parsed = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            try {
                parsed.add(parse(requested.get(i)));
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError(field.equals("domain") ? field : field + "[" + i + "]", bad.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return parsed;
    }

    private static String abbreviated(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 60) + "…";
    }

    /** No account with this id. */
    public static class AccountNotFoundException extends RuntimeException {

        AccountNotFoundException(String id) {
            super("No account with id '" + id + "'");
        }
    }
}
