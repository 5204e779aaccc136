package io.leadrouter.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadRepository;

/** Sales ops and admins set the domains that name an account; nobody else may. */
@IntegrationTest
class AccountApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    AccountRepository accounts;
    @Autowired
    AccountOwners owners;
    @Autowired
    LeadRepository leads;
    @Autowired
    AccountDomainRepository domains;

    @Test
    void salesOpsSetAnAccountsDomainsAndLeadsOfThemGoToItsOwner() {
        Account account = newAccount("carl.lin");
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String domain = "initrode-" + unique + ".com";
        String other = "initrode-" + unique + ".de";

        ResponseEntity<JsonNode> set = put(driver.as("sam.ops", "demo"), account.getId(),
                "{\"domains\": [\"https://www.Initrode-" + unique + ".com/about\", \"" + other + "\"]}");

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody().get("domains").findValuesAsText("domain")).containsExactly(domain, other);
        assertThat(set.getBody().get("domains").findValuesAsText("source")).containsOnly("SALES_OPS");
        assertThat(set.getBody().get("domains").findValuesAsText("addedBy")).containsOnly("sam.ops");
        assertThat(owners.ownerOf(leadFrom("ceo@" + domain), "east")).hasValueSatisfying(owner -> {
            assertThat(owner.repId()).isEqualTo("carl.lin");
            assertThat(owner.how()).contains("domain " + domain);
        });

        ResponseEntity<JsonNode> reduced = put(driver.admin(), account.getId(), "{\"domains\": [\"" + other + "\"]}");
        assertThat(reduced.getBody().get("domains").findValuesAsText("domain")).containsExactly(other);
        assertThat(owners.ownerOf(leadFrom("cfo@" + domain), "east")).isEmpty();
    }

    @Test
    void aCompanysSubdomainsAndCountrySitesNameItsRegistrableDomain() {
        Account account = newAccount("carl.lin");
        String domain = "globex-" + UUID.randomUUID().toString().substring(0, 6) + ".co.uk";

        ResponseEntity<JsonNode> set = put(driver.as("sam.ops", "demo"), account.getId(),
                "{\"domains\": [\"https://shop.eu." + domain + "/en\"]}");

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody().get("domains").findValuesAsText("domain")).containsExactly(domain);
        assertThat(owners.ownerOf(leadFrom("hank@sales." + domain), "east")).hasValueSatisfying(owner -> {
            assertThat(owner.repId()).isEqualTo("carl.lin");
            assertThat(owner.how()).contains("domain " + domain);
        });
    }

    @Test
    void salesOpsAddAndRemoveOneDomain() {
        Account account = newAccount("carl.lin");
        String domain = "vandelay-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        TestRestTemplate ops = driver.as("sam.ops", "demo");

        ResponseEntity<JsonNode> added = ops.postForEntity("/api/accounts/" + account.getId() + "/domains",
                json("{\"domain\": \"" + domain + "\"}"), JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("domains").findValuesAsText("domain")).containsExactly(domain);
        assertThat(owners.ownerOf(leadFrom("art@" + domain), "east").map(AccountOwners.Owner::repId))
                .contains("carl.lin");

        ResponseEntity<String> removed = ops.exchange("/api/accounts/" + account.getId() + "/domains/" + domain,
                HttpMethod.DELETE, null, String.class);
        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(owners.ownerOf(leadFrom("kel@" + domain), "east")).isEmpty();
    }

    @Test
    void repsAndManagersMayNotReadAccountsOrSetDomains() {
        Account account = newAccount("carl.lin");
        String body = "{\"domains\": [\"mine-" + account.getId().substring(0, 6) + ".com\"]}";

        for (TestRestTemplate other : new TestRestTemplate[] {driver.as("carl.lin", "demo"),
                driver.as("celia.rouche", "demo")}) {
            ResponseEntity<JsonNode> refused = put(other, account.getId(), body);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(driver.as("carl.lin", "demo").getForEntity("/api/accounts/" + account.getId(), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(domains.findByAccountIdOrderByDomain(account.getId())).isEmpty();
    }

    @Test
    void badDomainsAreRefusedNamingEachOneAndNothingIsStored() {
        Account account = newAccount("carl.lin");

        ResponseEntity<JsonNode> bad = put(driver.admin(), account.getId(), "{\"domains\": [\"fine-"
                + account.getId().substring(0, 6) + ".com\", \"not a domain\", \"Gmail.com\", 7]}");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("domains[1]", "domains[2]", "domains[3]");
        assertThat(bad.getBody().get("errors").findValuesAsText("message")).anySatisfy(message ->
                assertThat(message).contains("gmail.com is a free mail provider"));
        assertThat(put(driver.admin(), account.getId(), "{\"domain\": \"x.com\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(domains.findByAccountIdOrderByDomain(account.getId())).isEmpty();
    }

    @Test
    void aDomainNamesOneAccountOnly() {
        Account first = newAccount("carl.lin");
        Account second = newAccount("anna.snelling");
        String domain = "shared-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        put(driver.admin(), first.getId(), "{\"domains\": [\"" + domain + "\"]}");

        ResponseEntity<JsonNode> taken = put(driver.admin(), second.getId(), "{\"domains\": [\"" + domain + "\"]}");

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(taken.getBody().get("detail").asText()).contains(domain, first.getName());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        ResponseEntity<JsonNode> missing = put(driver.admin(), "no-such-account", "{\"domains\": [\"acme.com\"]}");

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void salesOpsFindAccountsByName() {
        JsonNode found = driver.as("sam.ops", "demo").getForObject("/api/accounts?name=ACME Corp.", JsonNode.class);

        assertThat(found.findValuesAsText("name")).contains("Acme Corporation");
    }

    private Account newAccount(String owner) {
        return accounts.save(new Account("Test Account " + UUID.randomUUID(), null, "software", owner));
    }

    private String leadFrom(String email) {
        LeadData data = new LeadData(null, "Lee", "Buyer", email, null, null, null, "US", "NY", null, "technology",
                100, null, "GTX Pro", "Reference", null, null);
        return leads.save(Lead.receive(data, java.time.Instant.now(), null)).getId();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static ResponseEntity<JsonNode> put(TestRestTemplate client, String accountId, String body) {
        return client.exchange("/api/accounts/" + accountId + "/domains", HttpMethod.PUT, json(body), JsonNode.class);
    }
}
