package io.leadrouter.account;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Known accounts and the domains that name them, for sales ops and admins: the one way besides
 * an account's record and a converted lead for a domain to send leads to an account's owner.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountRepository accounts;
    private final AccountDomains domains;

    AccountController(AccountRepository accounts, AccountDomains domains) {
        this.accounts = accounts;
        this.domains = domains;
    }

    record DomainView(String domain, AccountDomain.Source source, boolean trusted, String addedBy, String leadId,
                      Instant addedAt) {

        static DomainView of(AccountDomain domain) {
            return new DomainView(domain.getDomain(), domain.getSource(), domain.getSource().trusted(),
                    domain.getAddedBy(), domain.getLeadId(), domain.getAddedAt());
        }
    }

    record AccountView(String id, String name, String sector, String owner, List<DomainView> domains) {

        static AccountView of(Account account) {
            return new AccountView(account.getId(), account.getName(), account.getSector(), account.getOwnerId(),
                    account.getDomains().stream().map(DomainView::of).toList());
        }
    }

    /** Accounts by name (the start of the name as matching reduces it: {@code ?name=acme}), at most 500. */
    @GetMapping
    @Transactional(readOnly = true)
    List<AccountView> accounts(@RequestParam(required = false) String name, ApiUser user) {
        mayManageAccounts(user);
        return accounts.findTop500ByNameKeyStartingWithOrderByName(CompanyNames.key(name)).stream()
                .map(AccountView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    AccountView account(@PathVariable String id, ApiUser user) {
        mayManageAccounts(user);
        return accounts.findById(id).map(AccountView::of).orElseThrow(() -> notFound(id));
    }

    /** Sets the account's domains to exactly these: {@code {"domains": ["acme.com", "acme.de"]}}. */
    @PutMapping("/{id}/domains")
    AccountView setDomains(@PathVariable String id, @RequestBody(required = false) JsonNode body, ApiUser user) {
        mayManageAccounts(user);
        JsonNode list = body == null ? null : body.get("domains");
        if (list == null || !list.isArray()) {
            throw new InvalidInputException(List.of(new FieldError("domains",
                    "must be a list of domains such as [\"acme.com\"] (empty removes them all)")));
        }
        List<String> requested = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                errors.add(new FieldError("domains[" + i + "]", "must be a domain such as acme.com"));
                continue;
            }
            requested.add(list.get(i).asText());
            try {
                AccountDomains.parse(list.get(i).asText());
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError("domains[" + i + "]", bad.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return AccountView.of(domains.set(id, requested, user.id()));
    }

    /** Adds one domain to the account: {@code {"domain": "acme.io"}}. */
    @PostMapping("/{id}/domains")
    ResponseEntity<AccountView> addDomain(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                          ApiUser user) {
        mayManageAccounts(user);
        JsonNode domain = body == null ? null : body.get("domain");
        if (domain == null || !domain.isTextual()) {
            throw new InvalidInputException(List.of(new FieldError("domain", "must be a domain such as acme.com")));
        }
        Account account = domains.add(id, domain.asText(), user.id());
        return ResponseEntity.created(URI.create("/api/accounts/" + id)).body(AccountView.of(account));
    }

    @DeleteMapping("/{id}/domains/{domain}")
    ResponseEntity<Void> removeDomain(@PathVariable String id, @PathVariable String domain, ApiUser user) {
        mayManageAccounts(user);
        if (!domains.remove(id, domain)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The account '" + id + "' has no domain '"
                    + domain + "'");
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AccountDomains.DomainTakenException.class)
    ProblemDetail domainTaken(AccountDomains.DomainTakenException taken) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, taken.getMessage());
        problem.setTitle("Domain names another account");
        problem.setType(URI.create("urn:leadrouter:problem:domain-taken"));
        return problem;
    }

    @ExceptionHandler(AccountDomains.AccountNotFoundException.class)
    ProblemDetail accountNotFound(AccountDomains.AccountNotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
        problem.setTitle("Account not found");
        return problem;
    }

    private static void mayManageAccounts(ApiUser user) {
        if (!user.isMemberOfAny(Roles.ACCOUNT_ADMINS)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only sales ops and admins may read accounts "
                    + "and set their domains");
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No account with id '" + id + "'");
    }
}
