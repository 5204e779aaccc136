package io.leadrouter.engine;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which deployed version of a process or decision is the latest, looked up at most once per
 * {@code leadrouter.decisions.latest-version-ttl} (default 1 s) per key instead of by a query for
 * every lead: the engine's own "latest by key" asks the database each time. A version deployed
 * on this node or on another node sharing the database applies within that time. A key that is
 * not deployed is not remembered: it is looked up again on the next call.
 */
@Component
public class LatestDefinitions {

    /** A deployed definition: its id (to start or evaluate by) and version. */
    public record Latest(String id, int version) {
    }

    private final RepositoryService repositoryService;
    private final Cache<String, Latest> processes;
    private final Cache<String, Latest> decisions;

    LatestDefinitions(RepositoryService repositoryService,
                      @Value("${leadrouter.decisions.latest-version-ttl:1s}") Duration ttl) {
        this.repositoryService = repositoryService;
        this.processes = Caffeine.newBuilder().expireAfterWrite(ttl).build();
        this.decisions = Caffeine.newBuilder().expireAfterWrite(ttl).build();
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

    private static Latest latest(Cache<String, Latest> cache, String key, Function<String, Latest> lookUp,
                                 String kind) {
        Latest found = cache.get(key, lookUp);
        if (found == null) {
            throw new IllegalStateException(kind + " '" + key + "' is not deployed");
        }
        return found;
    }
}
