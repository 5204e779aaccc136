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
 * knows both nodes; the image is multi-stage, non-root and health-checked; Prometheus scrapes
 * both nodes as the monitoring account with a password from the environment, and Grafana is
 * provisioned with it and with the Lead Router dashboard, whose queries read metrics only
 * (that the application exposes each of them: {@code stats/PrometheusMetricsTest}).
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
                .containsKeys("postgres", "app1", "app2", "lb", "prometheus", "grafana");
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

    @Test
    void prometheusScrapesBothNodesAsTheMonitoringAccountWithAPasswordFromTheEnvironment() throws IOException {
        String config = Files.readString(DOCKER.resolve("prometheus/prometheus.yml"));
        Map<String, Object> scrape = map(((List<?>) map(yaml(config)).get("scrape_configs")).get(0));
        Map<String, Object> auth = map(scrape.get("basic_auth"));
        Map<String, Object> prometheus = service("prometheus");

        assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(map(((List<?>) scrape.get("static_configs")).get(0)).get("targets"))
                .isEqualTo(List.of("app1:8080", "app2:8080"));
        assertThat(resource("application.yaml")).contains("user: ${LEADROUTER_MONITORING_USER:" + auth.get("username")
                + "}");
        assertThat(auth).doesNotContainKey("password");
        assertThat(auth.get("password_file")).isEqualTo("/run/secrets/monitoring_password");
        assertThat(prometheus.get("secrets")).isEqualTo(List.of("monitoring_password"));
        assertThat(map(map(compose().get("secrets")).get("monitoring_password")))
                .containsEntry("environment", "LEADROUTER_MONITORING_PASSWORD");
        assertThat(map(service("app1").get("environment")).get("LEADROUTER_MONITORING_PASSWORD"))
                .isEqualTo("${LEADROUTER_MONITORING_PASSWORD:?set LEADROUTER_MONITORING_PASSWORD}");
        assertThat((List<?>) prometheus.get("volumes")).anySatisfy(volume -> assertThat(volume.toString())
                .startsWith("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"));
        assertThat((List<?>) prometheus.get("ports")).as("Prometheus has no login: this host only")
                .allSatisfy(port -> assertThat(port.toString()).startsWith("127.0.0.1:"));
    }

    @Test
    void grafanaIsProvisionedWithThatPrometheusAndTheLeadRouterDashboard() throws IOException {
        Map<String, Object> datasource = map(((List<?>) map(yaml(Files.readString(
                DOCKER.resolve("grafana/provisioning/datasources/prometheus.yaml")))).get("datasources")).get(0));
        Map<String, Object> provider = map(((List<?>) map(yaml(Files.readString(
                DOCKER.resolve("grafana/provisioning/dashboards/lead-router.yaml")))).get("providers")).get(0));
        Map<String, Object> grafana = service("grafana");
        GrafanaDashboard dashboard = GrafanaDashboard.read();

        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat((List<?>) grafana.get("volumes")).extracting(Object::toString).contains(
                "./grafana/provisioning:/etc/grafana/provisioning:ro",
                "./grafana/dashboards:" + map(provider.get("options")).get("path") + ":ro");
        assertThat(map(grafana.get("environment")).get("GF_SECURITY_ADMIN_PASSWORD"))
                .isEqualTo("${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD}");
        assertThat(dashboard.panels()).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.get("datasource").get("uid").asText()).isEqualTo(datasource.get("uid"));
            assertThat(panel.get("targets")).isNotEmpty();
        });
        assertThat(dashboard.panels()).extracting(panel -> panel.get("id").asInt()).doesNotHaveDuplicates();
        assertThat(dashboard.metricNames()).contains("leadrouter_leads_routed_total",
                "leadrouter_time_to_assign_seconds_bucket", "leadrouter_sla_breaches_total", "leadrouter_queue_size",
                "leadrouter_leads_open", "leadrouter_jobs_due", "leadrouter_incidents_open",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes");
    }

    @Test
    void dashboardQueriesNameTheMetricsTheyRead() {
        assertThat(GrafanaDashboard.metricNames("histogram_quantile(0.9, sum by (le) "
                + "(rate(leadrouter_time_to_assign_seconds_bucket{team=~\"$team\"}[$__rate_interval])))"))
                .containsExactly("leadrouter_time_to_assign_seconds_bucket");
        assertThat(GrafanaDashboard.metricNames("sum by (team) (max by (team, status) (leadrouter_leads_open)) "
                + "or on() vector(0) * 60")).containsExactly("leadrouter_leads_open");
    }

    @Test
    void monitoringImagesArePinned() throws IOException {
        assertThat((String) service("prometheus").get("image")).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat((String) service("grafana").get("image")).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
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
        return map(yaml(Files.readString(DOCKER.resolve("docker-compose.yml"))));
    }

    private static Object yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
