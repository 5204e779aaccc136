package io.leadrouter.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of {@code docker/} without a Docker engine: the compose file is valid YAML
 * and sets every environment variable the application requires, names only variables the
 * application reads, and wires the nodes to its PostgreSQL; the load balancer is sticky and
 * knows both nodes; the image is multi-stage, non-root and health-checked.
 */
class DockerFilesTest {

    private static final Path DOCKER = Paths.get("docker");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEADROUTER_[A-Z_]+)(:[^}]*)?}");

    @Test
    void composeFileSetsEveryVariableTheProductionProfilesRequire() throws IOException {
        Map<String, Object> app = service("app1");
        Map<String, Object> environment = map(app.get("environment"));

        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres,prod");
        assertThat(environment.keySet()).containsAll(required());
        assertThat(environment.keySet()).filteredOn(name -> name.startsWith("LEADROUTER_"))
                .isSubsetOf(readByTheApplication());
        assertThat(map(service("app2").get("environment"))).isEqualTo(environment);
    }

    @Test
    void composeNodesUseItsPostgres() throws IOException {
        Map<String, Object> postgres = service("postgres");
        Map<String, Object> database = map(postgres.get("environment"));
        Map<String, Object> app = map(service("app1").get("environment"));

        assertThat((String) postgres.get("image")).startsWith("postgres:15");
        assertThat(app.get("LEADROUTER_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"));
        assertThat(app.get("LEADROUTER_DB_USER")).isEqualTo(database.get("POSTGRES_USER"));
        assertThat(app.get("LEADROUTER_DB_PASSWORD")).isEqualTo(database.get("POSTGRES_PASSWORD"));
        assertThat(map(service("app1").get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        assertThat(map(service("app2").get("depends_on"))).containsKey("app1");
    }

    @Test
    void loadBalancerIsStickyOverBothNodes() throws IOException {
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        Map<String, Object> lb = service("lb");

        assertThat(nginx).contains("ip_hash;", "server app1:8080", "server app2:8080", "X-Forwarded-Proto");
        assertThat((List<?>) lb.get("volumes")).anySatisfy(volume ->
                assertThat(volume.toString()).startsWith("./nginx.conf:/etc/nginx/nginx.conf"));
        assertThat(compose().get("services")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("postgres", "app1", "app2", "lb");
    }

    @Test
    void imageIsMultiStageNonRootAndHealthChecked() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        assertThat(Pattern.compile("(?m)^FROM ").matcher(dockerfile).results().count()).isGreaterThanOrEqualTo(2);
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "./mvnw -B -ntp -DskipTests -Dlint.skip package",
                "USER leadrouter", "HEALTHCHECK", "/actuator/health", "EXPOSE 8080");
        assertThat(Files.readString(Paths.get(".dockerignore"))).contains("target/", "data/");
        assertThat(Files.readString(Paths.get("README.md")))
                .contains("docker compose -f docker/docker-compose.yml up --build");
    }

    /** LEADROUTER_* placeholders of the production profiles that have no default. */
    private static Set<String> required() throws IOException {
        Set<String> required = new LinkedHashSet<>();
        for (String profile : List.of("postgres", "prod")) {
            Matcher matcher = PLACEHOLDER.matcher(resource("application-" + profile + ".yaml"));
            while (matcher.find()) {
                if (matcher.group(2) == null || matcher.group(2).equals(":")) {
                    required.add(matcher.group(1));
                }
            }
        }
        assertThat(required).contains("LEADROUTER_DB_URL", "LEADROUTER_ADMIN_PASSWORD", "LEADROUTER_INTAKE_PASSWORD");
        return required;
    }

    /** Every LEADROUTER_* variable the configuration reads. */
    private static Set<String> readByTheApplication() throws IOException {
        Set<String> read = new LinkedHashSet<>();
        for (String file : List.of("application.yaml", "application-postgres.yaml", "application-prod.yaml")) {
            Matcher matcher = PLACEHOLDER.matcher(resource(file));
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
        }
        // relaxed binding: LEADROUTER_HTTPS is leadrouter.https, LEADROUTER_DEMO_ENABLED leadrouter.demo.enabled
        read.add("LEADROUTER_DEMO_ENABLED");
        return read;
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Paths.get("src", "main", "resources", name));
    }

    private static Map<String, Object> service(String name) throws IOException {
        return map(map(compose().get("services")).get(name));
    }

    private static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(Files.readString(DOCKER.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
