package io.leadrouter.scoring.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.scoring.LeadOutcomeHistory;
import io.leadrouter.scoring.model.ConversionModel;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.LabelledLead;
import io.leadrouter.scoring.model.ModelCard;
import io.leadrouter.scoring.model.ScoringFeatures;

/**
 * The scoring model registry: trains a model on every lead with a known outcome, lets governance
 * ({@code processes/scoring-model-governance.dmn}) decide, keeps every training as a version, and
 * serves the published model.
 *
 * <ul>
 * <li>{@link #train(String)}: the verdict decides the row's status: PUBLISH publishes at once (the
 *     published model is retired), ASK keeps a CANDIDATE for sales ops, KEEP and BELOW_FLOOR are
 *     REJECTED. TOO_FEW_OUTCOMES trains nothing but is recorded too, as a REJECTED row without a
 *     model: the list shows sales ops every training and why the rules still score.</li>
 * <li>{@link #publish(int, String)}: sales ops approve a CANDIDATE; {@link #reject(int)}: they keep the
 *     published model instead.</li>
 * <li>{@link #current()}: the published model for scoring, read from the database once per version:
 *     scoring a lead reads no row. Whether another version was published (here or on another node)
 *     is checked at most once per {@code leadrouter.scoring.published-model-check} (default 5 s).</li>
 * </ul>
 * Training runs outside any transaction (it takes seconds); only storing the row is one.
 */
@Service
public class ScoringModels {

    /** Who trains and publishes when no person does: the retraining process's timer. */
    public static final String SCHEDULE = "schedule";

    private static final Logger log = LoggerFactory.getLogger(ScoringModels.class);
    /** Two trainings storing at once take the same next version: the later one tries again. */
    private static final int STORE_ATTEMPTS = 3;

    private final LeadOutcomeHistory history;
    private final ConversionModelTraining training;
    private final ScoringFeatures features;
    private final ScoringModelGovernance governance;
    private final ScoringModelRegistry registry;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long checkNanos;

    /** The model being served and when the published version was last checked. */
    private record Served(Integer version, ConversionModel model, long checkedAt) {
    }

    private volatile Served served;

    ScoringModels(LeadOutcomeHistory history, ConversionModelTraining training, ScoringFeatures features,
                  ScoringModelGovernance governance, ScoringModelRegistry registry, TransactionTemplate transaction,
                  Clock clock, @Value("${leadrouter.scoring.published-model-check:5s}") Duration check) {
        this.history = history;
        this.training = training;
        this.features = features;
        this.governance = governance;
        this.registry = registry;
        this.transaction = transaction;
        this.clock = clock;
        this.checkNanos = check.toNanos();
    }

    /**
     * Trains a model on every lead with a known outcome and records it with governance's verdict;
     * {@code by} is the user id, or {@link #SCHEDULE}. The outcome counts governance reads are those
     * of all these leads (the model learns from the older 80 % of them and is validated on the rest).
     */
    public ScoringModelEntry train(String by) {
        Objects.requireNonNull(by, "by");
        Instant trainedAt = clock.instant();
        List<LabelledLead> leads = history.labelledLeads();
        int converted = (int) leads.stream().filter(LabelledLead::converted).count();
        int notConverted = leads.size() - converted;
        Double currentAuc = registry.published().map(ScoringModelEntry::auc).orElse(null);

        ScoringModelGovernance.Judgement enough = governance.judge(converted, notConverted, null, currentAuc);
        if (enough.verdict() == Verdict.TOO_FEW_OUTCOMES) {
            return store(untrained(leads, converted, enough.reason(), trainedAt, by), null);
        }
        ConversionModelTraining.Result result;
        long start = System.nanoTime();
        try {
            result = training.train(leads);
        } catch (IllegalArgumentException oneSided) {
            // enough outcomes overall, but the newest 20 % (or the rest) hold only one kind: nothing to measure
            return store(untrained(leads, converted, oneSided.getMessage(), trainedAt, by), null);
        }
        ConversionModel chosen = result.chosen();
        ModelCard card = chosen.card();
        ScoringModelGovernance.Judgement judgement = governance.judge(converted, notConverted, card.metrics().auc(),
                currentAuc);
        log.info("Scoring model trained on {} leads in {} ms: {} with AUC {}; verdict {}", leads.size(),
                (System.nanoTime() - start) / 1_000_000, card.algorithm(), card.metrics().auc(), judgement.verdict());
        ModelStatus status = judgement.verdict().status();
        boolean published = status == ModelStatus.PUBLISHED;
        ScoringModelEntry entry = new ScoringModelEntry(0, status, judgement.verdict(), judgement.reason(), trainedAt,
                by, published ? clock.instant() : null, published ? by : null, card.algorithm(), card.features(),
                card.training(), card.validation(), card.metrics().auc(), card.metrics().brier(), card.metrics(),
                card.candidates());
        return store(entry, chosen.toBytes());
    }

    private static ScoringModelEntry untrained(List<LabelledLead> leads, int converted, String reason,
                                               Instant trainedAt, String by) {
        ModelCard.DataWindow all = leads.isEmpty() ? null : new ModelCard.DataWindow(
                leads.stream().mapToLong(LabelledLead::order).min().orElseThrow(),
                leads.stream().mapToLong(LabelledLead::order).max().orElseThrow(), converted,
                leads.size() - converted);
        return new ScoringModelEntry(0, ModelStatus.REJECTED, Verdict.TOO_FEW_OUTCOMES, reason, trainedAt, by, null,
                null, null, List.of(), all, null, null, null, null, List.of());
    }

    private ScoringModelEntry store(ScoringModelEntry entry, byte[] model) {
        for (int attempt = 1; ; attempt++) {
            try {
                ScoringModelEntry stored = transaction.execute(status -> {
                    if (entry.status() == ModelStatus.PUBLISHED) {
                        registry.retirePublished();
                    }
                    return registry.add(entry, model);
                });
                served = null;
                return stored;
            } catch (DuplicateKeyException sameVersionOrSecondPublished) {
                if (attempt == STORE_ATTEMPTS) {
                    throw sameVersionOrSecondPublished;
                }
            }
        }
    }

    /**
     * Publishes a CANDIDATE (sales ops approve it); the published model is retired. 404 problem for an
     * unknown version, 409 for a model that is not a candidate.
     */
    public ScoringModelEntry publish(int version, String by) {
        Objects.requireNonNull(by, "by");
        try {
            ScoringModelEntry published = transaction.execute(status -> {
                ScoringModelEntry entry = registry.find(version)
                        .orElseThrow(() -> ScoringModelProblem.noSuchVersion(version));
                if (entry.status() != ModelStatus.CANDIDATE) {
                    throw ScoringModelProblem.notACandidate(entry);
                }
                registry.retirePublished();
                if (!registry.publish(version, ModelStatus.CANDIDATE, clock.instant(), by)) {
                    throw ScoringModelProblem.publishedMeanwhile(version);
                }
                return registry.find(version).orElseThrow();
            });
            served = null;
            return published;
        } catch (DuplicateKeyException anotherPublishedAtOnce) {
            throw ScoringModelProblem.publishedMeanwhile(version);
        }
    }

    /**
     * Sales ops keep the published model instead of a CANDIDATE (or leave it undecided until it
     * expires): it becomes REJECTED, so it can no longer be published by mistake. 404 problem for an
     * unknown version; a model that is no longer a candidate (published or rejected meanwhile) is left
     * as it is: false.
     */
    public boolean reject(int version) {
        registry.find(version).orElseThrow(() -> ScoringModelProblem.noSuchVersion(version));
        return registry.reject(version);
    }

    /** Every training, newest first, without the models' bytes. */
    public List<ScoringModelEntry> list() {
        return registry.all();
    }

    /** One training; 404 problem when there is no such version. */
    public ScoringModelEntry entry(int version) {
        return registry.find(version).orElseThrow(() -> ScoringModelProblem.noSuchVersion(version));
    }

    /** The published model's entry; empty while the rules score. */
    public Optional<ScoringModelEntry> publishedEntry() {
        return registry.published();
    }

    /** The published model and its registry version. */
    public record Published(int version, ConversionModel model) {
    }

    /**
     * The published model, to score leads with; empty while the rules score. Reads the database only
     * when the check interval has passed (one indexed row) and the model's bytes only when the
     * published version changed.
     */
    public Optional<ConversionModel> current() {
        return published().map(Published::model);
    }

    /** {@link #current()} with the version it was published as, read together: the two always agree. */
    public Optional<Published> published() {
        Served now = served;
        if (now == null || System.nanoTime() - now.checkedAt() >= checkNanos) {
            now = refresh();
        }
        return now.model() == null ? Optional.empty() : Optional.of(new Published(now.version(), now.model()));
    }

    private synchronized Served refresh() {
        Served now = served;
        long checkedAt = System.nanoTime();
        if (now != null && checkedAt - now.checkedAt() < checkNanos) {
            return now;
        }
        Integer version = registry.publishedVersion().orElse(null);
        ConversionModel model;
        if (now != null && Objects.equals(now.version(), version)) {
            model = now.model();
        } else {
            model = version == null ? null : registry.model(version)
                    .map(bytes -> ConversionModel.fromBytes(bytes, features)).orElse(null);
        }
        now = new Served(version, model, checkedAt);
        served = now;
        return now;
    }
}
