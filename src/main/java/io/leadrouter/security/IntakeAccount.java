package io.leadrouter.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The account lead sources post with ({@code leadrouter.intake.user} and {@code .password}, from
 * {@code LEADROUTER_INTAKE_USER} and {@code LEADROUTER_INTAKE_PASSWORD}): created on start, in
 * group {@code intake}, and its password set to the configured one, so rotating the credential
 * is changing the variable and restarting. It may use {@code /api}; Camunda grants it nothing.
 */
@Component
@Order(Roles.GROUPS_CREATED_ORDER + 10)
class IntakeAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IntakeAccount.class);

    private final ProcessEngine engine;
    private final String userId;
    private final String password;

    IntakeAccount(ProcessEngine engine, @Value("${leadrouter.intake.user:}") String userId,
                  @Value("${leadrouter.intake.password:}") String password) {
        this.engine = engine;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userId.isBlank() || password.isBlank()) {
            return;
        }
        IdentityService identity = engine.getIdentityService();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Lead");
            user.setLastName("Intake");
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created the intake account '{}'", userId);
        } else if (!StoredPasswords.matches((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                user, password)) {
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Changed the password of the intake account '{}' to the configured one", userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Roles.INTAKE).count() == 0) {
            identity.createMembership(userId, Roles.INTAKE);
        }
    }
}
