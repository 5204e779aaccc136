package io.leadrouter.scoring.registry;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;

/**
 * {@code /api/scoring/models}: the scoring model registry ({@link ScoringModels}). Sales ops,
 * managers, ops and admins read it (the models that score their leads, and how they measured);
 * sales ops and admins train and approve models. Reps and the intake account do neither. Never
 * answers a model's bytes.
 */
@RestController
@RequestMapping("/api/scoring/models")
class ScoringModelController {

    /** Who may read the registry. */
    static final Set<String> READERS = Set.of(Roles.SALES_OPS, Roles.MANAGERS, Roles.OPS, Roles.CAMUNDA_ADMIN);
    /** Who may train a model now and publish a candidate: what leads are scored by is theirs to decide. */
    static final Set<String> GOVERNORS = Set.of(Roles.SALES_OPS, Roles.CAMUNDA_ADMIN);

    private final ScoringModels models;

    ScoringModelController(ScoringModels models) {
        this.models = models;
    }

    /** Every training, newest first. */
    @GetMapping
    List<ScoringModelEntry> list(ApiUser user) {
        require(user, READERS, "The scoring model registry is read by sales ops, managers, ops and admins.");
        return models.list();
    }

    /** The published model; 404 problem while the rules score. */
    @GetMapping("/current")
    ScoringModelEntry current(ApiUser user) {
        require(user, READERS, "The scoring model registry is read by sales ops, managers, ops and admins.");
        return models.publishedEntry().orElseThrow(ScoringModelProblem::nonePublished);
    }

    @GetMapping("/{version}")
    ScoringModelEntry entry(@PathVariable int version, ApiUser user) {
        require(user, READERS, "The scoring model registry is read by sales ops, managers, ops and admins.");
        return models.entry(version);
    }

    /**
     * Trains a model now (seconds to a minute, by the number of leads) and answers it with
     * governance's verdict: 201 with the new version, whether or not it was published.
     */
    @PostMapping("/training")
    ResponseEntity<ScoringModelEntry> train(ApiUser user) {
        require(user, GOVERNORS, "Scoring models are trained by sales ops and admins.");
        ScoringModelEntry trained = models.train(user.id());
        return ResponseEntity.created(URI.create("/api/scoring/models/" + trained.version())).body(trained);
    }

    /** Sales ops approve a CANDIDATE: it is published, the published model retired; 409 for any other. */
    @PostMapping("/{version}/publish")
    ScoringModelEntry publish(@PathVariable int version, ApiUser user) {
        require(user, GOVERNORS, "Scoring models are published by sales ops and admins.");
        return models.publish(version, user.id());
    }

    private static void require(ApiUser user, Set<String> groups, String whoMay) {
        if (!user.isMemberOfAny(groups)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, whoMay);
        }
    }
}
