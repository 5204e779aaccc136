package io.leadrouter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a random port, in-memory H2 and the demo
 * organisation, without the job executor (tests run the engine's jobs; see {@link LeadRouterDriver}).
 * All such tests share one Spring context. A test that needs other properties gets a context
 * of its own: tag it {@code @Tag("own-context")} so it runs in a JVM of its own (see the pom),
 * because Camunda keeps engines in a JVM-wide registry and the shared context's REST API and
 * webapps look theirs up as "default".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
