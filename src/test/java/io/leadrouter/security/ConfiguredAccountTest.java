package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;

/**
 * The machine accounts from configuration: the monitoring account Prometheus scrapes with is made
 * in its group, its password follows the configured one, and without a password there is none.
 */
@IntegrationTest
class ConfiguredAccountTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    LeadRouterDriver driver;

    @Test
    void theMonitoringAccountIsMadeInItsGroupScrapesAndFollowsTheConfiguredPassword() {
        String id = "scraper-" + UUID.randomUUID().toString().substring(0, 8);

        new ConfiguredAccount(engine, id, "First-pass-2024!", Roles.MONITORING, "Monitoring").run(null);

        assertThat(identity.checkPassword(id, "First-pass-2024!")).isTrue();
        assertThat(identity.createUserQuery().userId(id).memberOfGroup(Roles.MONITORING).count()).isOne();
        assertThat(driver.as(id, "First-pass-2024!").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        new ConfiguredAccount(engine, id, "Second-pass-2024!", Roles.MONITORING, "Monitoring").run(null);

        assertThat(identity.checkPassword(id, "Second-pass-2024!")).isTrue();
        assertThat(identity.checkPassword(id, "First-pass-2024!")).isFalse();
        assertThat(identity.createGroupQuery().groupMember(id).list()).extracting(group -> group.getId())
                .containsExactly(Roles.MONITORING);
    }

    @Test
    void withoutAPasswordNoAccountIsMade() {
        String id = "scraper-" + UUID.randomUUID().toString().substring(0, 8);

        new ConfiguredAccount(engine, id, "", Roles.MONITORING, "Monitoring").run(null);

        assertThat(identity.createUserQuery().userId(id).count()).isZero();
    }
}
