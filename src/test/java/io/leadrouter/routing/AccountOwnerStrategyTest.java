package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.account.Account;
import io.leadrouter.account.AccountRepository;

@IntegrationTest
class AccountOwnerStrategyTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LeadRouterDriver driver;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void leadFromAKnownAccountGoesToItsOwnerWhateverTheLegalForm() {
        Account acme = accounts.findByNameKey("acme").orElseThrow(); // "Acme Corporation" in the demo data
        String team = fixture.team(rep("ann"));

        LeadRouting.Outcome outcome = fixture.route(fixture.leadFrom("ACME Corp.", "buyer@gmail.com", null),
                "account-owner", team, "round-robin");

        assertThat(outcome.owner()).isEqualTo(acme.getOwnerId());
        assertThat(outcome.strategy()).isEqualTo("account-owner");
        assertThat(outcome.reason()).contains("owns account Acme Corporation", "company name 'ACME Corp.'");
    }

    @Test
    void aMisspelledCompanyNameStillFindsTheAccount() {
        Account name = accounts.findAll().stream().filter(a -> a.getName().equals("Betasoloin")).findFirst()
                .orElseThrow();

        String misspelled = fixture.leadFrom("Betasolion Inc", "x@outlook.com", null);

        assertThat(fixture.route(misspelled, "account-owner", fixture.team(rep("ann"))).owner())
                .isEqualTo(name.getOwnerId());
    }

    @Test
    void emailOrWebsiteDomainOfAnAccountFindsTheOwner() {
        String team = fixture.team(rep("own"), rep("ann"));
        String domain = "initech-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        accounts.save(new Account("Initech " + domain, domain, "software", repId("own", team)));

        assertThat(fixture.route(fixture.leadFrom("Initech", "peter@" + domain, null), "account-owner", team)
                .owner()).isEqualTo(repId("own", team));
        assertThat(fixture.route(fixture.leadFrom(null, "m@gmail.com", "https://www." + domain + "/contact"),
                "account-owner", team).owner()).isEqualTo(repId("own", team));
    }

    @Test
    void aColleagueOfAnOpenLeadGoesToTheSameRep() {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"));
        String domain = "quux-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        String first = fixture.route(fixture.leadFrom("Quux Dynamics", "hank@" + domain, null), "account-owner",
                team, "round-robin").owner();

        LeadRouting.Outcome colleague = fixture.route(fixture.leadFrom("Quux Dynamics", "homer@" + domain, null),
                "account-owner", team, "round-robin");

        assertThat(colleague.owner()).isEqualTo(first);
        assertThat(colleague.strategy()).isEqualTo("account-owner");
        assertThat(colleague.reason()).contains("owns an open lead from the same company (" + domain);
    }

    @Test
    void anAwayOwnerLeavesTheLeadToTheFallback() {
        String team = fixture.team(rep("own"), rep("ann"));
        String domain = "umbrella-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        accounts.save(new Account("Umbrella " + domain, domain, "medical", repId("own", team)));
        fixture.available(repId("own", team), false);

        LeadRouting.Outcome outcome = fixture.route(fixture.leadFrom("Umbrella", "a@" + domain, null),
                "account-owner", team, "round-robin");

        assertThat(outcome.owner()).isEqualTo(repId("ann", team));
        assertThat(outcome.strategy()).isEqualTo("round-robin");
        assertThat(outcome.reason()).contains("account-owner: own Test owns account Umbrella", "marked unavailable");
    }

    @Test
    void noKnownCompanyFallsThrough() {
        String team = fixture.team(rep("ann"));

        LeadRouting.Outcome outcome = fixture.route(fixture.leadFrom("Brand New Startup", "a@gmail.com", null),
                "account-owner", team);

        assertThat(outcome.repFound()).isFalse();
        assertThat(outcome.reason()).contains("No known account or open lead from the same company");
    }
}
