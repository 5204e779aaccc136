package io.leadrouter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.leadrouter.history.HistoryImport;
import io.leadrouter.scoring.registry.ModelStatus;
import io.leadrouter.scoring.registry.ScoringModelEntry;
import io.leadrouter.scoring.registry.ScoringModels;
import io.leadrouter.webapps.EngineAuthorizations;

/**
 * The demo's published conversion model, so that a newcomer sees probabilities from the first
 * lead: on a start without a published model, the X Education history bundled as
 * {@code demo/x-education-leads.csv} (7,374 past leads with their outcome, the public Kaggle case
 * study "X Education") is imported as sales ops would import a CRM export
 * ({@code POST /api/history/leads?source=x-education}, here {@link HistoryImport} directly), and a
 * model is trained on it; governance publishes a first model above its floor. A later start finds
 * the model published and does nothing; a model sales ops retired stays retired only until the
 * next start without any published model.
 *
 * <p>Runs with the demo organisation ({@code leadrouter.demo.enabled}) and
 * {@code leadrouter.demo.scoring-model} (on by default, off in the tests: a published model
 * changes how every lead is tiered). It takes a few seconds at the first start.
 */
@Component
@Order(EngineAuthorizations.ORDER + 1)
@ConditionalOnExpression("${leadrouter.demo.enabled:false} and ${leadrouter.demo.scoring-model:false}")
public class DemoScoringModel implements ApplicationRunner {

    public static final String HISTORY = "demo/x-education-leads.csv";
    public static final String SOURCE = "x-education";
    /** Who imports the history and trains the model, in the registry and on the leads. */
    public static final String BY = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoScoringModel.class);

    private final HistoryImport history;
    private final ScoringModels models;

    DemoScoringModel(HistoryImport history, ScoringModels models) {
        this.history = history;
        this.models = models;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (models.publishedEntry().isPresent()) {
            return;
        }
        String csv;
        try (InputStream in = new ClassPathResource(HISTORY).getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HistoryImport.Report imported = history.importCsv(csv, SOURCE, BY);
        ScoringModelEntry trained = models.train(BY);
        if (trained.status() == ModelStatus.PUBLISHED) {
            log.info("Demo scoring model {} published: {} on {} past leads of X Education ({} new), AUC {}",
                    trained.version(), trained.algorithm(), imported.rows(), imported.stored(), trained.auc());
        } else {
            log.warn("Demo scoring model {} not published ({}: {}); the rules score the leads",
                    trained.version(), trained.verdict(), trained.verdictReason());
        }
    }
}
