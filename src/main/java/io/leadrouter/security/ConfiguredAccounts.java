package io.leadrouter.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine accounts, from configuration ({@link ConfiguredAccount}):
 * <ul>
 * <li>{@code leadrouter.intake.user} and {@code .password} ({@code LEADROUTER_INTAKE_USER},
 * {@code LEADROUTER_INTAKE_PASSWORD}), group {@value Roles#INTAKE}: the account lead sources post
 * with. It may use {@code /api}; Camunda grants it nothing.</li>
 * <li>{@code leadrouter.monitoring.user} and {@code .password} ({@code LEADROUTER_MONITORING_USER},
 * default {@code monitoring}, and {@code LEADROUTER_MONITORING_PASSWORD}), group
 * {@value Roles#MONITORING}: the account Prometheus scrapes {@code /actuator/prometheus} with.
 * Actuator is all it is for; Camunda grants it nothing. Without a password there is none.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConfiguredAccounts {

    @Bean
    ConfiguredAccount intakeAccount(ProcessEngine engine, @Value("${leadrouter.intake.user:}") String userId,
                                    @Value("${leadrouter.intake.password:}") String password) {
        return new ConfiguredAccount(engine, userId, password, Roles.INTAKE, "Intake");
    }

    @Bean
    ConfiguredAccount monitoringAccount(ProcessEngine engine,
                                        @Value("${leadrouter.monitoring.user:monitoring}") String userId,
                                        @Value("${leadrouter.monitoring.password:}") String password) {
        return new ConfiguredAccount(engine, userId, password, Roles.MONITORING, "Monitoring");
    }
}
