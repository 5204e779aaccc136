package io.leadrouter.source;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadrouter.engine.DeployedFiles;

/**
 * The lead sources Lead Router knows: one mapping file per source, deployed with the models
 * ({@code processes/sources/<source id>.source.yaml}, or any {@code *.source.yaml} deployed later
 * from Camunda Modeler or the REST API). The latest deployed version of each file applies
 * ({@link DeployedFiles}: looked up at most once a second, at once after a deployment on this
 * node); each version is read once, so intake neither queries the engine nor parses YAML per lead.
 * Adding or changing a source is deploying a file: no Java, no restart.
 */
@Service
public class LeadSources {

    private final DeployedFiles files;
    /** Each deployed version of a file, read: its mapping, or what is wrong with it. */
    private final Cache<String, Read> versions = Caffeine.newBuilder().maximumSize(1_000).build();

    LeadSources(DeployedFiles files) {
        this.files = files;
    }

    private record Read(SourceMapping mapping, InvalidSourceMappingException invalid) {
    }

    /**
     * The source's mapping, as last deployed. {@link UnknownSourceException} (400, naming the
     * known sources) when none is deployed; {@link BrokenSourceMappingException} (422, naming the
     * file and its faults) when its latest version cannot be used.
     */
    public SourceMapping require(String sourceId) {
        DeployedFiles.DeployedFile file = deployed().get(sourceId + SourceMapping.FILE_SUFFIX);
        if (file == null) {
            throw new UnknownSourceException(sourceId, known());
        }
        Read mapping = versions.get(file.deploymentId() + "/" + file.fileName(), key -> read(file));
        if (mapping.invalid() != null) {
            throw new BrokenSourceMappingException(file.deploymentId(), file.deployedAt(), mapping.invalid());
        }
        return mapping.mapping();
    }

    /** The ids of the deployed sources, sorted. */
    public List<String> known() {
        return deployed().keySet().stream()
                .map(fileName -> fileName.substring(0, fileName.length() - SourceMapping.FILE_SUFFIX.length()))
                .sorted().toList();
    }

    private Map<String, DeployedFiles.DeployedFile> deployed() {
        return files.latest(SourceMapping.FILE_SUFFIX);
    }

    private static Read read(DeployedFiles.DeployedFile file) {
        try {
            return new Read(SourceMapping.read(file.fileName(), file.content()), null);
        } catch (InvalidSourceMappingException invalid) {
            return new Read(null, invalid);
        }
    }

    /** A source no mapping is deployed for: 400, naming the sources there are. */
    public static class UnknownSourceException extends ErrorResponseException {

        UnknownSourceException(String sourceId, List<String> known) {
            super(HttpStatus.BAD_REQUEST, problem(sourceId, known), null);
        }

        private static ProblemDetail problem(String sourceId, List<String> known) {
            String shown = sourceId.length() <= 100 ? sourceId : sourceId.substring(0, 100) + "…";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "There is no lead source '"
                    + shown + "'. Known sources: " + (known.isEmpty() ? "none" : String.join(", ", known))
                    + ". A source is added by deploying its mapping, <source id>" + SourceMapping.FILE_SUFFIX + ".");
            problem.setTitle("Unknown lead source");
            problem.setType(URI.create("urn:leadrouter:problem:unknown-lead-source"));
            problem.setProperty("knownSources", known);
            return problem;
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }
    }

    /**
     * The source's latest mapping file cannot be used: 422 (the lead may be fine, the source's
     * configuration is not), naming the file, its deployment and each fault, so that whoever
     * deployed it can fix it and deploy again. Nothing of the lead was stored.
     */
    public static class BrokenSourceMappingException extends ErrorResponseException {

        BrokenSourceMappingException(String deploymentId, Instant deployedAt, InvalidSourceMappingException invalid) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, problem(deploymentId, deployedAt, invalid), invalid);
        }

        private static ProblemDetail problem(String deploymentId, Instant deployedAt,
                                             InvalidSourceMappingException invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The lead source mapping " + invalid.fileName() + " (deployment " + deploymentId
                            + (deployedAt == null ? "" : " of " + deployedAt) + ") cannot be used: "
                            + String.join("; ", invalid.faults()) + ". Fix the file and deploy it again.");
            problem.setTitle("Lead source mapping cannot be used");
            problem.setType(URI.create("urn:leadrouter:problem:broken-source-mapping"));
            problem.setProperty("file", invalid.fileName());
            problem.setProperty("deploymentId", deploymentId);
            problem.setProperty("faults", invalid.faults());
            return problem;
        }

        @Override
        public String getMessage() {
            return getBody().getDetail();
        }
    }
}
