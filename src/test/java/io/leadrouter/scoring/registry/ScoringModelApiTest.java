package io.leadrouter.scoring.registry;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.analytics.AnalyticsFixture;
import io.leadrouter.scoring.LeadOutcomeHistory;
import io.leadrouter.scoring.XEducationThroughTheApi;
import io.leadrouter.scoring.model.Algorithm;
import io.leadrouter.scoring.model.ConversionModel;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.LabelledLead;
import io.leadrouter.scoring.model.ScoringFeatures;
import io.leadrouter.security.Roles;

/**
 * {@code /api/scoring/models} on the real X Education history (7,374 past leads imported through
 * {@code POST /api/history/leads?source=x-education}): the first model is published with a
 * validation AUC of at least 0.88; a retrain that is not better, a worse model and a training with
 * too few outcomes publish nothing; who may read, train and publish. In a database of its own: a
 * model learns from every lead with a known outcome, and the shared test context holds other
 * tests' converted and lost leads, newer than the history, which would make the validation set.
 */
@Tag("own-context")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:scoring-models;DB_CLOSE_DELAY=-1",
                // its own engine name: the shared test context's REST API and webapps find theirs as "default"
                "camunda.bpm.process-engine-name=scoring-models"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringModelApiTest {

    private static final String MODELS = "/api/scoring/models";

    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScoringModels models;
    @Autowired
    LeadOutcomeHistory history;
    @Autowired
    ConversionModelTraining training;
    @Autowired
    ScoringFeatures features;
    @Autowired
    ScoringModelGovernance governance;
    @Autowired
    ScoringModelRegistry registry;
    @Autowired
    TransactionTemplate transaction;

    private int versionsBefore;
    private ResponseEntity<JsonNode> currentBefore;
    private ScoringModelEntry tooFew;
    private ResponseEntity<JsonNode> currentAfterTooFew;
    private ResponseEntity<JsonNode> first;
    private long firstMillis;
    private ResponseEntity<JsonNode> currentAfterFirst;
    private ConversionModel servedAfterFirst;
    private ResponseEntity<JsonNode> second;
    private long secondMillis;
    private ResponseEntity<JsonNode> currentAfterSecond;
    private ScoringModelEntry worse;
    private ResponseEntity<JsonNode> currentAfterWorse;
    private ResponseEntity<JsonNode> approved;
    private ResponseEntity<JsonNode> currentAfterApproval;
    private ConversionModel servedAfterApproval;
    private String rep;
    private String manager;

    /** Too few outcomes first (nothing published yet), then the history, two trainings and a worse model. */
    @BeforeAll
    void trainOnTheXEducationHistory() throws IOException {
        Integer last = jdbc.queryForObject("select max(version) from scoring_models", Integer.class);
        versionsBefore = last == null ? 0 : last;
        String team = fixture.team(rep("rhea"));
        rep = repId("rhea", team);
        manager = fixture.manager(team);
        driver.ensureUser("ivo.intake", AnalyticsFixture.PASSWORD, Roles.INTAKE);
        currentBefore = get(fixture.salesOps(), MODELS + "/current");

        XEducationThroughTheApi.importHistory(fixture.salesOps());
        List<LabelledLead> sixty = history.labelledLeads().subList(0, 60);
        tooFew = serviceWith(stubbed(sixty), training).train("test");
        currentAfterTooFew = get(fixture.salesOps(), MODELS + "/current");

        long start = System.nanoTime();
        first = train(fixture.salesOps());
        firstMillis = (System.nanoTime() - start) / 1_000_000;
        currentAfterFirst = get(fixture.salesOps(), MODELS + "/current");
        servedAfterFirst = models.current().orElse(null);

        start = System.nanoTime();
        second = train(fixture.salesOps());
        secondMillis = (System.nanoTime() - start) / 1_000_000;
        currentAfterSecond = get(fixture.salesOps(), MODELS + "/current");

        worse = serviceWith(history, trainerOf(first.getBody().get("auc").asDouble() - 0.05)).train("test");
        currentAfterWorse = get(fixture.salesOps(), MODELS + "/current");

        approved = second.getBody().get("status").asText().equals("CANDIDATE")
                ? publish(fixture.salesOps(), second.getBody().get("version").asText()) : null;
        currentAfterApproval = get(fixture.salesOps(), MODELS + "/current");
        servedAfterApproval = models.current().orElse(null);
        System.out.printf("Scoring model training through the API on %d labelled leads: %d ms, again: %d ms%n",
                history.labelledLeads().size(), firstMillis, secondMillis);
    }

    /** Other tests share the database: the registry's rows and the history leads go again. */
    @AfterAll
    void removeTheModelsAndTheHistory() {
        jdbc.update("delete from scoring_models where version > ?", versionsBefore);
        jdbc.update("delete from leads where status = 'HISTORY'");
    }

    private ScoringModels serviceWith(LeadOutcomeHistory leads, ConversionModelTraining trainer) {
        return new ScoringModels(leads, trainer, features, governance, registry, transaction, Clock.systemUTC(),
                Duration.ofSeconds(5));
    }

    private static LeadOutcomeHistory stubbed(List<LabelledLead> leads) {
        LeadOutcomeHistory stub = mock(LeadOutcomeHistory.class);
        when(stub.labelledLeads()).thenReturn(new ArrayList<>(leads));
        return stub;
    }

    /** A trainer whose model validates at {@code auc}, whatever the leads. */
    private static ConversionModelTraining trainerOf(double auc) {
        ConversionModelTraining.Result trained = XEducationThroughTheApi.trainedAt(auc);
        ConversionModelTraining trainer = mock(ConversionModelTraining.class);
        when(trainer.train(anyList())).thenReturn(trained);
        return trainer;
    }

    @Test
    void theFirstModelTrainedOnTheXEducationHistoryIsPublishedWithAnAucOfAtLeast088() {
        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode model = first.getBody();
        assertThat(model.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(model.get("verdict").asText()).isEqualTo("PUBLISH");
        assertThat(model.get("auc").asDouble()).isGreaterThanOrEqualTo(0.88);
        assertThat(model.get("trainedBy").asText()).isEqualTo("sam.ops");
        assertThat(model.get("publishedBy").asText()).isEqualTo("sam.ops");
        assertThat(model.get("features")).isNotEmpty();
        assertThat(model.get("candidates")).hasSize(Algorithm.values().length);
        assertThat(model.get("metrics").get("deciles")).hasSize(10);
        assertThat(model.get("training").get("converted").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(model.get("validation").get("fromOrder").asLong())
                .isGreaterThan(model.get("training").get("toOrder").asLong());
        assertThat(first.getHeaders().getLocation()).hasPath(MODELS + "/" + model.get("version").asInt());

        assertThat(currentAfterFirst.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(currentAfterFirst.getBody().get("version")).isEqualTo(model.get("version"));
        assertThat(servedAfterFirst).as("the published model, served").isNotNull();
        assertThat(servedAfterFirst.card().metrics().auc()).isEqualTo(model.get("auc").asDouble());
    }

    @Test
    void aRetrainThatIsNotBetterDoesNotPublish() {
        assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody().get("verdict").asText()).isIn("ASK", "KEEP");
        assertThat(second.getBody().get("status").asText()).isIn("CANDIDATE", "REJECTED");
        assertThat(second.getBody().get("version").asInt()).isEqualTo(first.getBody().get("version").asInt() + 1);
        assertThat(currentAfterSecond.getBody().get("version")).isEqualTo(first.getBody().get("version"));
    }

    @Test
    void aWorseModelIsRejectedAndThePublishedOneStays() {
        assertThat(worse.verdict()).isEqualTo(Verdict.KEEP);
        assertThat(worse.status()).isEqualTo(ModelStatus.REJECTED);
        assertThat(worse.publishedAt()).isNull();
        assertThat(currentAfterWorse.getBody().get("version")).isEqualTo(first.getBody().get("version"));
    }

    @Test
    void aCandidateApprovedBySalesOpsIsPublishedAndRetiresThePublishedOne() {
        assumeTrue(approved != null, "the retrain was KEEP, not ASK: there is no candidate to approve");
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(approved.getBody().get("publishedBy").asText()).isEqualTo("sam.ops");
        assertThat(currentAfterApproval.getBody().get("version")).isEqualTo(second.getBody().get("version"));
        assertThat(models.entry(first.getBody().get("version").asInt()).status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(servedAfterApproval).isNotNull().isNotSameAs(servedAfterFirst);
        assertThat(jdbc.queryForObject("select count(*) from scoring_models where status = 'PUBLISHED'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void withTooFewOutcomesNothingIsTrainedAndTheRulesKeepScoring() {
        assertProblem(currentBefore, HttpStatus.NOT_FOUND);
        assertThat(tooFew.verdict()).isEqualTo(Verdict.TOO_FEW_OUTCOMES);
        assertThat(tooFew.status()).isEqualTo(ModelStatus.REJECTED);
        assertThat(tooFew.algorithm()).isNull();
        assertThat(tooFew.training().converted() + tooFew.training().notConverted()).isEqualTo(60);
        assertThat(registry.model(tooFew.version())).isEmpty();
        assertProblem(currentAfterTooFew, HttpStatus.NOT_FOUND);
    }

    @Test
    void theListIsNewestFirstWithMetricsAndNeverTheModelsBytes() {
        JsonNode list = AnalyticsFixture.get(fixture.as(manager), MODELS);
        List<Integer> versions = new ArrayList<>();
        list.forEach(entry -> {
            versions.add(entry.get("version").asInt());
            assertThat(entry.has("model")).isFalse();
            assertThat(entry.has("bytes")).isFalse();
        });
        assertThat(versions).isSortedAccordingTo((a, b) -> b - a)
                .contains(tooFew.version(), first.getBody().get("version").asInt(), worse.version());
        JsonNode one = AnalyticsFixture.get(fixture.as(manager), MODELS + "/" + first.getBody().get("version").asInt());
        assertThat(one.get("metrics").get("calibration")).isNotEmpty();
    }

    @Test
    void repsAndTheIntakeAccountMayNotReadAndManagersMayNotTrainOrPublish() {
        for (TestRestTemplate caller : List.of(fixture.as(rep), fixture.as("ivo.intake"))) {
            assertProblem(get(caller, MODELS), HttpStatus.FORBIDDEN);
            assertProblem(get(caller, MODELS + "/current"), HttpStatus.FORBIDDEN);
            assertProblem(train(caller), HttpStatus.FORBIDDEN);
        }
        assertProblem(train(fixture.as(manager)), HttpStatus.FORBIDDEN);
        assertProblem(publish(fixture.as(manager), String.valueOf(tooFew.version())), HttpStatus.FORBIDDEN);
        assertThat(get(fixture.as(manager), MODELS + "/current").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyACandidateCanBePublished() {
        assertProblem(publish(fixture.salesOps(), currentAfterApproval.getBody().get("version").asText()),
                HttpStatus.CONFLICT);
        assertProblem(publish(fixture.salesOps(), first.getBody().get("version").asText()), HttpStatus.CONFLICT);
        assertProblem(publish(fixture.salesOps(), String.valueOf(tooFew.version())), HttpStatus.CONFLICT);
        assertProblem(publish(fixture.salesOps(), String.valueOf(worse.version())), HttpStatus.CONFLICT);
        assertProblem(publish(fixture.salesOps(), "999999"), HttpStatus.NOT_FOUND);
        assertProblem(publish(fixture.salesOps(), "latest"), HttpStatus.BAD_REQUEST);
        assertThat(get(fixture.salesOps(), MODELS + "/current").getBody().get("version"))
                .isEqualTo(currentAfterApproval.getBody().get("version"));
    }

    private static ResponseEntity<JsonNode> get(TestRestTemplate caller, String path) {
        return caller.getForEntity(path, JsonNode.class);
    }

    private static ResponseEntity<JsonNode> train(TestRestTemplate caller) {
        return caller.postForEntity(MODELS + "/training", null, JsonNode.class);
    }

    private static ResponseEntity<JsonNode> publish(TestRestTemplate caller, String version) {
        return caller.postForEntity(MODELS + "/" + version + "/publish", null, JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
}
