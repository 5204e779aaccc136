package io.leadrouter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.leadrouter.scoring.registry.ModelStatus;
import io.leadrouter.scoring.registry.ScoringModelEntry;
import io.leadrouter.scoring.registry.ScoringModels;

/**
 * The demo starts with a published conversion model trained on the bundled X Education history:
 * all 7,374 past leads stored as history, the model published by "demo" with a validation AUC of
 * at least 0.88, and a second start trains nothing. In a database of its own: a published model
 * tiers every lead by its probability, which the shared test context's tests do not expect.
 */
@Tag("own-context")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:demo-scoring-model;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=demo-scoring-model", "leadrouter.demo.scoring-model=true"})
@ActiveProfiles("test")
class DemoScoringModelTest {

    @Autowired
    DemoScoringModel demo;
    @Autowired
    ScoringModels models;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstStartPublishesAModelTrainedOnTheBundledHistoryAndALaterStartKeepsIt() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from leads where status = 'HISTORY' and history_source = ?",
                Integer.class, DemoScoringModel.SOURCE)).isEqualTo(7374);
        ScoringModelEntry published = models.publishedEntry().orElseThrow();
        assertThat(published.status()).isEqualTo(ModelStatus.PUBLISHED);
        assertThat(published.trainedBy()).isEqualTo(DemoScoringModel.BY);
        assertThat(published.publishedBy()).isEqualTo(DemoScoringModel.BY);
        assertThat(published.auc()).isGreaterThanOrEqualTo(0.88);
        assertThat(published.training().converted() + published.training().notConverted()
                + published.validation().converted() + published.validation().notConverted()).isEqualTo(7374);
        assertThat(models.current()).as("the published model is served").isPresent();

        demo.run(new DefaultApplicationArguments());

        assertThat(models.list()).as("a start with a published model trains nothing").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from leads where status = 'HISTORY'", Integer.class))
                .isEqualTo(7374);
    }
}
