package io.leadrouter.engine;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What ops watch on a dashboard besides JVM, HTTP and connection pool metrics: the engine's job
 * backlog (leads waiting to be routed, on all nodes together) and open incidents. Read from the
 * database at each scrape ({@code /actuator/prometheus}).
 */
@Component
class EngineMetrics implements MeterBinder {

    private final ManagementService management;
    private final RuntimeService runtime;

    EngineMetrics(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("leadrouter.jobs.due", management, engine -> engine.createJobQuery().executable().count())
                .description("Engine jobs due and not yet done, cluster-wide (the routing backlog)")
                .register(registry);
        Gauge.builder("leadrouter.incidents.open", runtime, engine -> engine.createIncidentQuery().count())
                .description("Open incidents: jobs that failed all their retries (see Cockpit)")
                .register(registry);
    }
}
