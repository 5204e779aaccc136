package io.leadrouter.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which deployed version of a process or decision is the latest, looked up at most once per
 * {@code leadrouter.decisions.latest-version-ttl} (default 1 s) per key instead of by a query for
 * every lead: the engine's own "latest by key" asks the database each time. A version deployed
 * on this node or on another node sharing the database applies within that time.
 */
@Component
public class LatestDefinitions {

    /** A deployed definition: its id (to start or evaluate by) and version. */
    public record Latest(String id, int version) {
    }

    private record Known(Latest latest, long lookedUpAt) {
    }

    private final RepositoryService repositoryService;
    private final long ttlNanos;
    private final Map<String, Known> processes = new ConcurrentHashMap<>();
    private final Map<String, Known> decisions = new ConcurrentHashMap<>();

    LatestDefinitions(RepositoryService repositoryService,
                      @Value("${leadrouter.decisions.latest-version-ttl:1s}") Duration ttl) {
        this.repositoryService = repositoryService;
        this.ttlNanos = ttl.toNanos();
    }

    public Latest process(String key) {
        return latest(processes, key, k -> {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(k).latestVersion().singleResult();
            return definition == null ? null : new Latest(definition.getId(), definition.getVersion());
        }, "Process");
    }

    public Latest decision(String key) {
        return latest(decisions, key, k -> {
            DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(k).latestVersion().singleResult();
            return definition == null ? null : new Latest(definition.getId(), definition.getVersion());
        }, "Decision");
    }

    private Latest latest(Map<String, Known> cache, String key, Function<String, Latest> lookUp, String kind) {
        Known known = cache.get(key);
        long now = System.nanoTime();
        if (known != null && now - known.lookedUpAt() < ttlNanos) {
            return known.latest();
        }
        Latest found = lookUp.apply(key);
        if (found == null) {
            throw new IllegalStateException(kind + " '" + key + "' is not deployed");
        }
        cache.put(key, new Known(found, now));
        return found;
    }
}
