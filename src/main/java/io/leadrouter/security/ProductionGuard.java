package io.leadrouter.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start with demo settings: the demo organisation enabled,
 * Camunda authorizations off, the admin or intake password missing or a demo password, or any
 * user whose password is {@code demo}, {@code admin} or their own user id (the demo users, an
 * admin created by the embedded default). Settings are checked before the engine is built, users
 * right after, before the application takes requests. Passwords are compared with the stored
 * hashes, not by logging in, so the check never locks anybody out.
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductionGuard extends AbstractProcessEnginePlugin {

    static final Set<String> DEMO_PASSWORDS = Set.of("admin", "demo");

    private static final Logger log = LoggerFactory.getLogger(ProductionGuard.class);

    private final Environment environment;
    private ProcessEngineConfigurationImpl configuration;

    ProductionGuard(Environment environment) {
        this.environment = environment;
    }

    /** What the guard reads from the configuration. */
    record Settings(boolean demoEnabled, boolean authorizationEnabled, String adminId, String adminPassword,
                    String intakeUser, String intakePassword) {

        static Settings of(Environment environment) {
            return new Settings(environment.getProperty("leadrouter.demo.enabled", Boolean.class, false),
                    environment.getProperty("camunda.bpm.authorization.enabled", Boolean.class, false),
                    environment.getProperty("camunda.bpm.admin-user.id"),
                    environment.getProperty("camunda.bpm.admin-user.password"),
                    environment.getProperty("leadrouter.intake.user"),
                    environment.getProperty("leadrouter.intake.password"));
        }

        /** The configured accounts and their passwords. */
        Map<String, String> accounts() {
            Map<String, String> accounts = new LinkedHashMap<>();
            if (adminId != null && !adminId.isBlank()) {
                accounts.put(adminId, adminPassword);
            }
            if (intakeUser != null && !intakeUser.isBlank()) {
                accounts.put(intakeUser, intakePassword);
            }
            return accounts;
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        refuseIf(problems(Settings.of(environment)));
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Settings settings = Settings.of(environment);
        List<String> problems = new ArrayList<>();
        if (configuration.isEnablePasswordPolicy()) {
            settings.accounts().forEach((user, password) -> {
                PasswordPolicyResult result = engine.getIdentityService().checkPasswordAgainstPolicy(password);
                if (!result.isValid()) {
                    problems.add("the password of '" + user + "' does not meet Camunda's password policy: "
                            + result.getViolatedRules().stream().map(rule -> rule.getPlaceholder()
                                    + rule.getParameters()).toList());
                }
            });
        }
        problems.addAll(usersWithDemoPasswords(configuration, engine.getIdentityService()));
        refuseIf(problems);
    }

    /** What is wrong with the settings for production; empty if nothing. */
    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.demoEnabled()) {
            problems.add("the demo organisation is enabled (leadrouter.demo.enabled / LEADROUTER_DEMO_ENABLED): "
                    + "its users all have the password 'demo'");
        }
        if (!settings.authorizationEnabled()) {
            problems.add("Camunda authorizations are off (camunda.bpm.authorization.enabled): every user would "
                    + "see and change every lead in Tasklist and /engine-rest");
        }
        if (settings.adminId() == null || settings.adminId().isBlank()) {
            problems.add("no administrator is configured (camunda.bpm.admin-user.id / LEADROUTER_ADMIN_USER)");
        }
        problems.addAll(passwordProblems(settings.adminId(), settings.adminPassword(), "LEADROUTER_ADMIN_PASSWORD"));
        if (settings.intakeUser() == null || settings.intakeUser().isBlank()) {
            problems.add("no intake account is configured (leadrouter.intake.user / LEADROUTER_INTAKE_USER)");
        }
        problems.addAll(passwordProblems(settings.intakeUser(), settings.intakePassword(),
                "LEADROUTER_INTAKE_PASSWORD"));
        return problems;
    }

    private static List<String> passwordProblems(String user, String password, String variable) {
        if (password == null || password.isBlank()) {
            return List.of(variable + " is not set");
        }
        if (DEMO_PASSWORDS.contains(password.trim().toLowerCase(java.util.Locale.ROOT)) || password.equals(user)) {
            return List.of(variable + " is a demo password (admin, demo or the user id)");
        }
        return List.of();
    }

    /** A problem naming the users whose password is admin, demo or their id; empty if none. */
    static List<String> usersWithDemoPasswords(ProcessEngineConfigurationImpl configuration, IdentityService identity) {
        List<String> weak = new ArrayList<>();
        long total = identity.createUserQuery().count();
        for (int first = 0; first < total; first += 200) {
            for (User user : identity.createUserQuery().orderByUserId().asc().listPage(first, 200)) {
                if (hasDemoPassword(configuration, user)) {
                    weak.add(user.getId());
                }
            }
        }
        if (weak.isEmpty()) {
            return List.of();
        }
        return List.of(weak.size() + " user(s) have a demo password (admin, demo or their user id), e.g. "
                + String.join(", ", weak.subList(0, Math.min(5, weak.size())))
                + ": delete the demo users and change the others' passwords (Admin app, as camunda-admin)");
    }

    private static boolean hasDemoPassword(ProcessEngineConfigurationImpl configuration, User user) {
        return StoredPasswords.matches(configuration, user, user.getId())
                || DEMO_PASSWORDS.stream().anyMatch(password -> StoredPasswords.matches(configuration, user, password));
    }

    private static void refuseIf(List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String message = "Refusing to start with the prod profile: " + String.join("; ", problems) + ".";
        log.error(message);
        throw new IllegalStateException(message);
    }
}
