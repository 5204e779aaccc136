package io.leadrouter.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * An account that comes from configuration (see {@link ConfiguredAccounts}): created on start in
 * its group, and its password set to the configured one, so rotating the credential is changing
 * the variable and restarting. Without a user id or a password nothing is created.
 */
final class ConfiguredAccount implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccount.class);

    private final ProcessEngine engine;
    private final String userId;
    private final String password;
    private final String group;
    private final String lastName;

    /**
     * @param lastName the account's name in Camunda's Admin app, after "Lead" ("Lead Intake")
     */
    ConfiguredAccount(ProcessEngine engine, String userId, String password, String group, String lastName) {
        this.engine = engine;
        this.userId = userId == null ? "" : userId;
        this.password = password == null ? "" : password;
        this.group = group;
        this.lastName = lastName;
    }

    /** After the groups are created, before whatever adds members to them. */
    @Override
    public int getOrder() {
        return Roles.GROUPS_CREATED_ORDER + 10;
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
            user.setLastName(lastName);
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Created the {} account '{}'", group, userId);
        } else if (!StoredPasswords.matches((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                user, password)) {
            user.setPassword(password);
            identity.saveUser(user);
            log.info("Changed the password of the {} account '{}' to the configured one", group, userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            identity.createMembership(userId, group);
        }
    }
}
