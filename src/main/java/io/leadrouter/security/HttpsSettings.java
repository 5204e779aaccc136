package io.leadrouter.security;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for HTTPS deployments: {@code leadrouter.https=true} ({@code LEADROUTER_HTTPS}, on
 * in the {@code prod} profile) marks the session and CSRF cookies {@code Secure} and sends HSTS
 * from the webapps. Each setting can still be overridden on its own; registered in
 * {@code META-INF/spring.factories}.
 */
class HttpsSettings implements EnvironmentPostProcessor {

    static final String SWITCH = "leadrouter.https";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(SWITCH, Boolean.class, false)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("leadrouterHttps", Map.of(
                "server.servlet.session.cookie.secure", "true",
                "camunda.bpm.webapp.session-cookie.enable-secure-cookie", "true",
                "camunda.bpm.webapp.csrf.enable-secure-cookie", "true",
                "camunda.bpm.webapp.header-security.hsts-disabled", "false")));
    }
}
