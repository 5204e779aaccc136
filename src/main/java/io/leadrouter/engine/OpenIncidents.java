package io.leadrouter.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's open incidents (jobs that failed all their retries, shown in Cockpit), counted for
 * everyone or per business key, which is the lead's id for the lead process: so that a figure of
 * incidents can be narrowed to the leads a user may read.
 */
@Component
public class OpenIncidents {

    private final RuntimeService runtime;

    OpenIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Every open incident, of every process. */
    public long count() {
        return runtime.createIncidentQuery().count();
    }

    /**
     * Open incidents per business key of their process instance, the oldest {@code max} incidents
     * looked at (a dashboard's figure; a flood of incidents is seen by ops in Cockpit anyway).
     * Incidents of instances without a business key are left out.
     */
    public Map<String, Long> perBusinessKey(int max) {
        List<Incident> incidents = runtime.createIncidentQuery().orderByIncidentTimestamp().asc().listPage(0, max);
        Map<String, Long> perInstance = incidents.stream().filter(incident -> incident.getProcessInstanceId() != null)
                .collect(Collectors.groupingBy(Incident::getProcessInstanceId, Collectors.counting()));
        if (perInstance.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = runtime.createProcessInstanceQuery()
                .processInstanceIds(perInstance.keySet()).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
        Map<String, Long> perKey = new HashMap<>();
        perInstance.forEach((instance, count) -> {
            String key = keys.get(instance);
            if (key != null) {
                perKey.merge(key, count, Long::sum);
            }
        });
        return perKey;
    }
}
