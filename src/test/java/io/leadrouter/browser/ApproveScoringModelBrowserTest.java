package io.leadrouter.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.security.Roles;

/**
 * Sales ops' decision on a scoring model in Tasklist (issue 16): the queue "Scoring models to
 * approve" lists "Approve scoring model", whose form shows the candidate's metrics beside the
 * published model's AUC, read-only, and the choice Publish / Keep current. In the shared context
 * nothing is trained or published: the task is started with the metrics a training would have set
 * and removed again. Ops watch it in Cockpit. Screenshots under {@code target/screenshots/}.
 */
@IntegrationTest
class ApproveScoringModelBrowserTest extends BrowserTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;

    @Autowired
    LeadRouterDriver driver;

    private ProcessInstance retraining;

    @AfterEach
    void removeTheCandidate() {
        if (retraining != null) {
            runtime.deleteProcessInstance(retraining.getId(), "browser test done");
        }
    }

    @Test
    void salesOpsSeeTheCandidatesMetricsBesideThePublishedModelsInTheForm() {
        waitingForSalesOps();
        Task approval = tasks.createTaskQuery().processInstanceId(retraining.getId()).singleResult();
        tasks.claim(approval.getId(), "sam.ops");
        String queue = filters.createFilterQuery().filterName("Scoring models to approve").singleResult().getId();

        TasklistPage tasklist = tasklist().logIn("sam.ops", "demo");
        WebElement card = tasklist.openFilter(queue, approval.getId());
        browser.screenshot("sales-ops-scoring-models-to-approve");
        assertThat(card.getText()).contains("Approve scoring model");

        TasklistPage.TaskView task = tasklist.openTaskIn(queue, approval.getId());
        browser.screenshot("sales-ops-approve-scoring-model");
        assertThat(task.value("AUC of the candidate")).isEqualTo("0.8934");
        assertThat(task.value("AUC of the published model")).isEqualTo("0.8911");
        assertThat(task.value("Brier score of the candidate")).isEqualTo("0.1012");
        assertThat(task.value("Validation leads")).isEqualTo("1475");
        assertThat(task.value("Algorithm")).isEqualTo("gradient-boosted trees");
        assertThat(task.isDisabled("AUC of the candidate")).as("the metrics are read-only").isTrue();
        assertThat(task.isDisabled("Candidate version")).isTrue();
        assertThat(task.text()).contains("Approve scoring model", "Publish: the candidate scores leads",
                "Keep current: the published model stays");
    }

    /** Ops watch the retraining in Cockpit: the whole diagram, the token at Approve scoring model. */
    @Test
    void opsSeeTheRetrainingWaitingForSalesOpsInCockpit() {
        waitingForSalesOps();
        driver.ensureUser("olga.ops", "Olga-ops-1", Roles.OPS);
        String cockpit = root() + "/camunda/app/cockpit/default/";
        new WebappLogin(browser).logIn(cockpit, "olga.ops", "Olga-ops-1");
        browser.waitFor("Cockpit's dashboard", d -> d.getCurrentUrl().contains("#/dashboard") ? true : null);
        browser.open(cockpit + "#/process-instance/" + retraining.getId() + "/runtime");
        browser.waitFor("the diagram", d -> d.findElements(By.cssSelector("[data-element-id=ApproveScoringModel]"))
                .isEmpty() ? null : true);
        browser.script("""
                const canvas = document.querySelector('.djs-container');
                if (canvas) { canvas.scrollIntoView(); }""");
        browser.screenshot("ops-scoring-model-retraining-in-cockpit");

        List<String> shown = browser.script("""
                return Array.from(document.querySelectorAll('[data-element-id]'))
                    .map(e => e.getAttribute('data-element-id'));""");
        assertThat(shown).contains("EveryWeek", "RetrainNow", "TrainScoringModel", "VerdictGateway", "ModelPublished",
                "ApproveScoringModel", "CandidateExpired", "PublishScoringModel", "RejectScoringModel",
                "CurrentModelKept", "TooFewOutcomes");
        assertThat(browser.driver().findElements(By.cssSelector(
                "[data-container-id=ApproveScoringModel] .badge, .badge[data-activity-id=ApproveScoringModel]")))
                .as("the running token's badge on Approve scoring model").isNotEmpty();
    }

    /** A retraining at "Approve scoring model" with what a training within the margin sets. */
    private void waitingForSalesOps() {
        Map<String, Object> trained = new HashMap<>();
        trained.put("version", 12);
        trained.put("verdict", "ASK");
        trained.put("reason", "Within the margin (0.01 AUC) of the published model: sales ops decide whether to publish it.");
        trained.put("auc", 0.8934);
        trained.put("currentAuc", 0.8911);
        trained.put("brier", 0.1012);
        trained.put("trainingLeads", 5899);
        trained.put("validationLeads", 1475);
        trained.put("converted", 2823);
        trained.put("notConverted", 4551);
        trained.put("algorithm", "gradient-boosted trees");
        retraining = runtime.createProcessInstanceByKey("scoringModelRetraining").startBeforeActivity("ApproveScoringModel")
                .setVariables(trained).execute();
    }
}
