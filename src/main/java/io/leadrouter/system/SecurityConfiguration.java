package io.leadrouter.system;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every API needs credentials: Lead Router's own {@code /api} and the engine's
 * {@code /engine-rest} (which Camunda leaves open by default). The webapps (Cockpit, Tasklist,
 * Admin) keep their own session login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> apiAuthentication(IdentityService identityService,
            @Value("${leadrouter.security.credentials-ttl:30s}") Duration credentialsTtl) {
        FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BasicAuthenticationFilter(identityService, new VerifiedCredentials(credentialsTtl)));
        registration.setName("leadRouterBasicAuthentication");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
