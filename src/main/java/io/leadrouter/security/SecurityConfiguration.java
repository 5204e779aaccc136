package io.leadrouter.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API needs credentials: Lead Router's own {@code /api} (HTTP Basic, or the web apps' session
 * for their plugins), the engine's {@code /engine-rest} (which Camunda leaves open by default) and
 * Actuator (all but health, for ops and monitoring).
 * The webapps (Cockpit, Tasklist, Admin) keep their own session login, and their first-admin
 * setup is closed for good: administrators come from configuration.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Successful Basic logins, remembered for {@code leadrouter.security.credentials-ttl} (all three filters). */
    @Bean
    VerifiedCredentials verifiedCredentials(
            @Value("${leadrouter.security.credentials-ttl:30s}") Duration credentialsTtl) {
        return new VerifiedCredentials(credentialsTtl);
    }

    /**
     * {@code /api} by HTTP Basic, or as the user signed in to the web apps in the request's
     * session (their plugins), whose changes need the session's CSRF token ({@link WebappSessionUsers}).
     */
    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> apiAuthentication(
            IdentityService identityService, VerifiedCredentials verified, ProcessEngine processEngine,
            @Value("${leadrouter.security.credentials-ttl:30s}") Duration credentialsTtl) {
        WebappSessionUsers webappSessions = new WebappSessionUsers(identityService, processEngine.getName(),
                credentialsTtl);
        return registration("leadRouterApiAuthentication",
                BasicAuthenticationFilter.forApi(identityService, verified, webappSessions), "/api/*");
    }

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> engineRestAuthentication(IdentityService identityService,
                                                                                VerifiedCredentials verified) {
        return registration("leadRouterEngineRestAuthentication",
                BasicAuthenticationFilter.forEngineRest(identityService, verified), "/engine-rest/*");
    }

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> actuatorAuthentication(IdentityService identityService,
                                                                              VerifiedCredentials verified) {
        return registration("leadRouterActuatorAuthentication",
                BasicAuthenticationFilter.forGroups(identityService, verified, Roles.ACTUATOR_READERS,
                        "/actuator/health"),
                "/actuator/*");
    }

    /** Camunda's Admin app lets anyone create the first administrator while none exists: never here. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firstAdminSetupClosed() {
        OncePerRequestFilter closed = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws IOException {
                BasicAuthenticationFilter.problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "The first-admin setup is closed: the administrator comes from configuration "
                                + "(camunda.bpm.admin-user, LEADROUTER_ADMIN_PASSWORD).");
            }
        };
        return registration("leadRouterFirstAdminSetupClosed", closed, "/camunda/api/admin/setup/*");
    }

    private static <F extends OncePerRequestFilter> FilterRegistrationBean<F> registration(String name, F filter,
                                                                                          String... urls) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urls);
        registration.setOrder(FIRST);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ApiUser.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object user = request.getAttribute(ApiUser.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (user == null) {
                    throw new IllegalStateException("No authenticated user: is " + request.getDescription(false)
                            + " outside /api?");
                }
                return user;
            }
        });
    }
}
