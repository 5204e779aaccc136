package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.account.Account;
import io.leadrouter.account.AccountDomain;
import io.leadrouter.account.AccountDomainRepository;
import io.leadrouter.account.AccountRepository;
import io.leadrouter.lead.LeadLifecycle;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.OutcomeReport;

@IntegrationTest
class AccountOwnerStrategyTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    AccountDomainRepository domains;
    @Autowired
    LeadLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;

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
    void anIndividualWithoutCompanyIsMatchedByAWorkEmailDomainOnly() {
        String team = fixture.team(rep("own"), rep("ann"));
        String domain = "hooli-" + UUID.randomUUID().toString().substring(0, 6) + ".com";
        accounts.save(new Account("Hooli " + domain, domain, "software", repId("own", team)));

        LeadRouting.Outcome atWork = fixture.route(fixture.leadFrom(null, "gavin@" + domain, null), "account-owner",
                team, "round-robin");
        LeadRouting.Outcome atHome = fixture.route(fixture.leadFrom(null, "gavin@gmail.com", null), "account-owner",
                team, "round-robin");

        assertThat(atWork.owner()).isEqualTo(repId("own", team));
        assertThat(atWork.reason()).contains("owns account Hooli", "domain " + domain);
        assertThat(atHome.strategy()).as("no company name to match, free mail names no account")
                .isEqualTo("round-robin");
        assertThat(atHome.reason()).contains("No known account or open lead from the same company");
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

    @Test
    void aLeadNamingAKnownAccountCannotBindItsDomainToThatAccount() {
        String accountTeam = fixture.team(rep("own"));
        String victimTeam = fixture.team(rep("ann"), rep("bob"));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String owner = repId("own", accountTeam);
        Account globex = accounts.save(new Account("Globex " + unique, null, "software", owner));
        String victim = "victim-corp-" + unique + ".com";

        // the attacker's lead names the account and someone else's domain: it reaches the owner by the name...
        LeadRouting.Outcome attack = fixture.route(fixture.leadFrom("Globex " + unique, "x@" + victim,
                "https://" + victim), "account-owner", victimTeam, "round-robin");
        assertThat(attack.owner()).isEqualTo(owner);
        assertThat(attack.reason()).contains("company name");

        // ...but teaches nothing: the domain's own leads stay in their territory's team
        LeadRouting.Outcome victimLead = fixture.route(fixture.leadFrom("Victim Corp " + unique, "ceo@" + victim,
                null), "account-owner", victimTeam, "round-robin");
        assertThat(victimLead.owner()).isIn(repId("ann", victimTeam), repId("bob", victimTeam));
        assertThat(victimLead.strategy()).isEqualTo("round-robin");
        assertThat(domains.findById(victim)).isEmpty();
        assertThat(domains.findByAccountIdOrderByDomain(globex.getId())).isEmpty();
    }

    @Test
    void theOwnersConvertedLeadTeachesTheAccountItsCompanyDomain() {
        String team = fixture.team(rep("own"), rep("ann"));
        String elsewhere = fixture.team(rep("bob"));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String owner = repId("own", team);
        Account hooli = accounts.save(new Account("Hooli " + unique, null, "software", owner));
        String domain = "hooli-" + unique + ".com";
        String converted = fixture.leadFrom("Hooli " + unique, "gavin@" + domain, null);
        assertThat(fixture.route(converted, "account-owner", team, "round-robin").owner()).isEqualTo(owner);

        lifecycle.recordOutcome(converted, new OutcomeReport(LeadOutcome.CONVERTED, "signed", BigDecimal.TEN, null, null),
                null, null);

        assertThat(domains.findByAccountIdOrderByDomain(hooli.getId())).singleElement().satisfies(learned -> {
            assertThat(learned.getDomain()).isEqualTo(domain);
            assertThat(learned.getSource()).isEqualTo(AccountDomain.Source.CONVERTED_LEAD);
            assertThat(learned.getAddedBy()).isEqualTo(owner);
            assertThat(learned.getLeadId()).isEqualTo(converted);
        });
        LeadRouting.Outcome next = fixture.route(fixture.leadFrom(null, "richard@" + domain, null), "account-owner",
                elsewhere, "round-robin");
        assertThat(next.owner()).isEqualTo(owner);
        assertThat(next.reason()).contains("owns account Hooli " + unique, "domain " + domain);
    }

    @Test
    void noOtherOutcomeTeachesADomain() {
        String team = fixture.team(rep("own"));
        String other = fixture.team(rep("ann"));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String owner = repId("own", team);
        Account pied = accounts.save(new Account("Pied Piper " + unique, null, "software", owner));
        String domain = "pied-piper-" + unique + ".com";

        String lost = fixture.leadFrom("Pied Piper " + unique, "a@" + domain, null);
        fixture.route(lost, "account-owner", team);
        lifecycle.recordOutcome(lost, new OutcomeReport(LeadOutcome.LOST, null, null, "PRICE", null), null, null);
        String freeMail = fixture.leadFrom("Pied Piper " + unique, "b@gmail.com", null);
        fixture.route(freeMail, "account-owner", team);
        lifecycle.recordOutcome(freeMail, converted(), null, null);
        // converted, but by a rep who does not own the account: the lead did not come by its name
        String notTheOwners = fixture.leadFrom("Pied Piper " + unique, "c@" + domain, null);
        assertThat(fixture.route(notTheOwners, "round-robin", other).owner()).isEqualTo(repId("ann", other));
        lifecycle.recordOutcome(notTheOwners, converted(), null, null);

        assertThat(domains.findByAccountIdOrderByDomain(pied.getId())).isEmpty();
        assertThat(domains.findById("gmail.com")).isEmpty();
    }

    @Test
    void aDomainWaitingForConfirmationRoutesNothing() {
        String team = fixture.team(rep("own"), rep("ann"));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String domain = "umbra-" + unique + ".com";
        accounts.save(new Account("Umbra " + unique, null, "software", repId("own", team)));
        jdbc.update("insert into account_domains (domain, account_id, source) select ?, id, 'UNCONFIRMED' "
                + "from accounts where name = ?", domain, "Umbra " + unique);

        LeadRouting.Outcome outcome = fixture.route(fixture.leadFrom(null, "x@" + domain, null), "account-owner",
                fixture.team(rep("bob")), "round-robin");

        assertThat(outcome.strategy()).isEqualTo("round-robin");
    }

    private static OutcomeReport converted() {
        return new OutcomeReport(LeadOutcome.CONVERTED, null, BigDecimal.TEN, null, null);
    }
}
