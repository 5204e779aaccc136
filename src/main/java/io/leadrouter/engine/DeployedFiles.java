package io.leadrouter.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Files that are deployed with the models but that the engine itself does not run (the lead
 * source mappings, {@code *.source.yaml}): the latest deployed version of each, by file name, as
 * plain names and bytes. They are deployed like the BPMN and DMN (from {@code processes/} at
 * start-up, from Camunda Modeler with a diagram, or through the REST API), so each version is
 * kept with its deployment and shows in Cockpit.
 *
 * <p>Which file is the latest is looked up at most once per
 * {@code leadrouter.decisions.latest-version-ttl} (default 1 s), not for every lead: one query
 * lists the deployments, and a deployment's resource names and bytes are read once per
 * deployment id (a deployment never changes). A deployment made on this node applies as soon as
 * it commits; one made on another node sharing the database, or a deleted one, within that time.
 *
 * <p>Deployments are read without the engine's authorization checks: the files are configuration
 * that intake reads on behalf of whoever sent a lead, not data of the user who asked.
 */
@Component
public class DeployedFiles extends AbstractProcessEnginePlugin {

    /**
     * The latest deployed version of a file: its name without any folder (in a jar a deployed
     * resource is named by the file alone, from {@code target/classes} by its full path), the
     * deployment it came with, when that was deployed, and its bytes.
     */
    public record DeployedFile(String fileName, String deploymentId, Instant deployedAt, byte[] content) {
    }

    private final LoadingCache<String, Map<String, DeployedFile>> latestBySuffix;
    private final Cache<String, List<String>> resourceNamesByDeployment = Caffeine.newBuilder()
            .maximumSize(10_000).build();
    private final Cache<String, byte[]> contentByResource = Caffeine.newBuilder().maximumSize(1_000).build();
    private volatile RepositoryService repository;
    private volatile CommandExecutor commands;

    DeployedFiles(@Value("${leadrouter.decisions.latest-version-ttl:1s}") Duration ttl) {
        this.latestBySuffix = Caffeine.newBuilder().expireAfterWrite(ttl).build(this::load);
    }

    /** The latest deployed version of every file whose name ends with {@code suffix}, by file name. */
    public Map<String, DeployedFile> latest(String suffix) {
        if (repository == null) {
            throw new IllegalStateException("The process engine is not built yet");
        }
        return latestBySuffix.get(suffix);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> postDeployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        postDeployers.add(this::deployed);
        configuration.setCustomPostDeployers(postDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.commands = configuration.getCommandExecutorTxRequired();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.repository = processEngine.getRepositoryService();
    }

    /** A new deployment on this node: forget what is latest once it commits (not before: others would read the old). */
    private void deployed(DeploymentEntity deployment) {
        if (deployment.isNew()) {
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> latestBySuffix.invalidateAll());
        }
    }

    private Map<String, DeployedFile> load(String suffix) {
        return commands.execute(context -> context.runWithoutAuthorization(() -> newestOfEach(suffix)));
    }

    private Map<String, DeployedFile> newestOfEach(String suffix) {
        Map<String, DeployedFile> newest = new HashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            List<String> names = resourceNamesByDeployment.get(deployment.getId(),
                    id -> List.copyOf(repository.getDeploymentResourceNames(id)));
            for (String name : names) {
                String fileName = fileName(name);
                if (fileName.endsWith(suffix) && !newest.containsKey(fileName)) {
                    byte[] content = contentByResource.get(deployment.getId() + "/" + name,
                            key -> read(deployment.getId(), name));
                    Instant deployedAt = deployment.getDeploymentTime() == null ? null
                            : deployment.getDeploymentTime().toInstant();
                    newest.put(fileName, new DeployedFile(fileName, deployment.getId(), deployedAt, content));
                }
            }
        }
        return Collections.unmodifiableMap(newest);
    }

    private byte[] read(String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The name without its folders ({@code /app/target/classes/a.source.yaml} is {@code a.source.yaml}). */
    static String fileName(String resourceName) {
        int slash = Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\'));
        return resourceName.substring(slash + 1);
    }
}
