package io.leadrouter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

/** What the prod profile refuses: demo settings and users with demo passwords. */
@IntegrationTest
class ProductionGuardTest {

    private static final ProductionGuard.Settings SAFE = new ProductionGuard.Settings(false, true, "admin",
            "Str0ng-admin-secret", "intake", "Str0ng-intake-secret");

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;

    @Test
    void safeSettingsPass() {
        assertThat(ProductionGuard.problems(SAFE)).isEmpty();
    }

    @Test
    void refusesTheDemoOrganisationAndAuthorizationsOff() {
        assertThat(ProductionGuard.problems(new ProductionGuard.Settings(true, false, "admin", "Str0ng-admin-secret",
                "intake", "Str0ng-intake-secret")))
                .anySatisfy(problem -> assertThat(problem).startsWith("the demo organisation is enabled"))
                .anySatisfy(problem -> assertThat(problem).startsWith("Camunda authorizations are off"))
                .hasSize(2);
    }

    @Test
    void refusesMissingAndDemoPasswords() {
        assertThat(ProductionGuard.problems(new ProductionGuard.Settings(false, true, "admin", null, "intake", " ")))
                .containsExactly("LEADROUTER_ADMIN_PASSWORD is not set", "LEADROUTER_INTAKE_PASSWORD is not set");
        for (String demo : List.of("admin", "demo", "Demo")) {
            assertThat(ProductionGuard.problems(new ProductionGuard.Settings(false, true, "admin", demo, "intake",
                    "Str0ng-intake-secret"))).as(demo)
                    .containsExactly("LEADROUTER_ADMIN_PASSWORD is a demo password (admin, demo or the user id)");
        }
        assertThat(ProductionGuard.problems(new ProductionGuard.Settings(false, true, "admin", "Str0ng-admin-secret",
                "intake", "intake"))).containsExactly(
                "LEADROUTER_INTAKE_PASSWORD is a demo password (admin, demo or the user id)");
    }

    @Test
    void findsTheDemoUsersWithoutLockingAnybodyOut() {
        List<String> problems = ProductionGuard.usersWithDemoPasswords(
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), identity);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem).contains("user(s) have a demo password", "e.g. admin");
            assertThat(Integer.parseInt(problem.substring(0, problem.indexOf(' ')))).isGreaterThanOrEqualTo(43);
        });
        // comparing hashes is not a login: nobody got a failed attempt
        assertThat(identity.checkPassword("admin", "admin")).isTrue();
        assertThat(identity.checkPassword("violet.mclelland", "demo")).isTrue();
    }
}
