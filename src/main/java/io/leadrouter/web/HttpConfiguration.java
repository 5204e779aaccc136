package io.leadrouter.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What protects the request threads from bodies: limits, a minimum rate, closing instead of
 * draining (see README "Limits and slow clients"); server timeouts are in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /** Right after authentication (security/SecurityConfiguration): anonymous callers get 401, not 413. */
    private static final int AFTER_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(RequestLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(limits, problems));
        registration.setName("leadRouterRequestBodyGuard");
        registration.addUrlPatterns("/*");
        registration.setOrder(AFTER_AUTHENTICATION);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesClose() {
        return factory -> factory.addEngineValves(new UnreadBodyCloses());
    }

    /**
     * Tomcat's error report (what it answers when no application code did) as problem+json. Runs
     * after Spring Boot's own customizer (order 0; an unordered one comes last), which adds a
     * plain ErrorReportValve when stack traces are off: that one is replaced.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
