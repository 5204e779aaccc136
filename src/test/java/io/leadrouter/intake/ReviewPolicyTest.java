package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

/**
 * The review policy ({@code processes/lead-review.dmn}) through the API, the process and the
 * engine: what it holds waits in Review lead with its reasons on the form and the timeline, what
 * it routes goes on with the problems noted, a reviewer's acceptance is final, and a modeler
 * changes the policy by deploying the table.
 */
@IntegrationTest
class ReviewPolicyTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    RepositoryService repository;
    @Autowired
    ReviewPolicy policy;
    @Autowired
    LeadValidation validation;
    @Autowired
    LeadRepository leads;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A hot lead (a reference) from Germany; its e-mail local part and country as given. */
    private static String hotLead(String localPart, String country) {
        return """
                {"firstName": "Kurt", "lastName": "Gödel", "email": "%s@logic-%s.de", "phone": "+49 30 1234567",
                 "company": "Logik GmbH", "country": "%s", "industry": "software", "employees": 300,
                 "product": "GTX Pro", "source": "Reference"}""".formatted(localPart, unique(), country);
    }

    private JsonNode events(String leadId) {
        return driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class).get("events");
    }

    private static JsonNode event(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (type.equals(event.get("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event in " + events);
    }

    @Test
    void aSuspiciousEmailIsHeldWithItsReasonOnTheReviewFormAndInTheTimeline() throws IOException {
        String id = driver.submitLead(hotLead("asdf", "Germany"));
        driver.runJobs();

        JsonNode lead = driver.lead(id);
        assertThat(lead.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(lead.get("tier").asText()).as("scored before the policy decided").isEqualTo("HOT");
        String email = lead.get("email").asText();
        String reason = "Suspicious e-mail address '" + email
                + "': check that a real person sent it, correct the address or disqualify the lead";

        Task review = driver.taskOf(id);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewLead");
        assertThat(tasks.getVariables(review.getId())).containsEntry("reviewReasons", reason)
                .containsEntry("problems", "Suspicious e-mail address '" + email + "'")
                .containsKeys("firstName", "lastName", "state", "city");
        JsonNode why = formField(review, "reviewReasons");
        assertThat(why.get("label").asText()).isEqualTo("Why this lead is held");
        assertThat(why.get("disabled").asBoolean()).as("shown as text, never edited").isTrue();

        JsonNode events = events(id);
        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "HELD_FOR_REVIEW");
        assertThat(events.get(1).get("summary").asText())
                .matches("Held for review by the review policy \\(version \\d+\\): .*").endsWith(reason);
    }

    @Test
    void theReviewerAcceptsAHeldLeadWhichIsScoredAgainAndRoutedWithoutBeingHeldAgain() {
        // held for both: a suspicious address, and a hot lead of unknown country
        String id = driver.submitLead(hotLead("test", "Narnia"));
        driver.runJobs();
        Task review = driver.taskOf(id);
        assertThat(tasks.getVariable(review.getId(), "reviewReasons").toString().split("\n")).hasSize(2);

        // the reviewer corrects the address and accepts the unknown country as it is
        driver.complete(review, Map.of("email", "kurt.goedel@logic-" + unique() + ".de", "reviewDecision", "ACCEPT"));
        driver.runJobs();

        JsonNode routed = driver.lead(id);
        assertThat(routed.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(routed.get("routing").get("rule").asText()).isEqualTo("No territory matched: default team");
        assertThat(routed.get("problems")).extracting(JsonNode::asText).containsExactly("Unknown country 'Narnia'");
        assertThat(driver.taskOf(id).getTaskDefinitionKey()).isEqualTo("WorkLead");
        JsonNode events = events(id);
        assertThat(events.findValuesAsText("type"))
                .containsExactly("RECEIVED", "HELD_FOR_REVIEW", "PROBLEMS_NOTED", "ROUTED");
        assertThat(events.get(2).get("summary").asText())
                .isEqualTo("Problems accepted in review: Unknown country 'Narnia'");
    }

    @Test
    void aHotLeadOfUnknownCountryIsHeldAndAColdOneRoutesWithTheProblemNoted() {
        String hot = driver.submitLead(hotLead("kurt", "Narnia"));
        String cold = driver.submitLead("""
                {"email": "kurt@logic-%s.de", "company": "Logik GmbH", "country": "Narnia"}""".formatted(unique()));
        driver.runJobs();

        assertThat(driver.lead(hot).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(event(events(hot), "HELD_FOR_REVIEW").get("summary").asText())
                .endsWith("Unknown country 'Narnia': a hot lead goes by territory: correct the country");

        assertThat(driver.lead(cold).get("status").asText()).as("cold: nurtured, not held").isEqualTo("NURTURE");
        assertThat(events(cold).findValuesAsText("type")).containsExactly("RECEIVED", "PROBLEMS_NOTED", "CLOSED");
        assertThat(event(events(cold), "PROBLEMS_NOTED").get("summary").asText())
                .endsWith("not held: Unknown country 'Narnia': routed by the routing rules' catch-all");
    }

    @Test
    void aPersonWithoutContactDataRoutesWhenTheSourceSystemKnowsThemByTheirExternalId() {
        // a source that keeps contact data itself (a source mapping may accept such leads at intake)
        String known = storedAndValidated(new LeadData("crm-" + unique(), "Ravi", null, null, null, null, null,
                "India", null, "Mumbai", null, null, null, null, "Olark Chat", null, null));
        String unknown = storedAndValidated(new LeadData(null, "Ravi", null, null, null, null, null,
                "India", null, "Mumbai", null, null, null, null, "Olark Chat", null, null));

        ReviewPolicy.Verdict reachable = policy.decide(known, false);
        ReviewPolicy.Verdict unreachable = policy.decide(unknown, false);

        assertThat(reachable.held()).isFalse();
        assertThat(reachable.judgements()).extracting(ReviewPolicy.Judgement::line).containsExactly(
                "No e-mail address or phone number: the rep reaches the person through the source system by its"
                        + " external id",
                "No company name: an individual, routed as a normal lead");
        assertThat(leads.require(known).getStatus()).isEqualTo(LeadStatus.RECEIVED);
        assertThat(unreachable.held()).isTrue();
        assertThat(unreachable.heldReasons()).isEqualTo("No e-mail address or phone number: nobody can reach this"
                + " person: add an e-mail address or a phone number, or disqualify the lead");
        assertThat(leads.require(unknown).getStatus()).isEqualTo(LeadStatus.IN_REVIEW);
    }

    @Test
    void aModelerChangesThePolicyByDeployingTheTableWithoutJava() throws IOException {
        DmnModelInstance policyTable;
        try (InputStream shipped = getClass().getResourceAsStream("/lead-review.dmn")) {
            policyTable = Dmn.readModelFromStream(shipped);
        }
        Rule noCompany = policyTable.getModelElementById("leadReview_noCompany");
        OutputEntry[] outputs = noCompany.getOutputEntries().toArray(OutputEntry[]::new);
        outputs[0].getText().setTextContent("\"hold\"");
        outputs[1].getText().setTextContent("\"we sell to companies: find the company or disqualify the lead\"");
        String deployment = repository.createDeployment().name("Review policy: companies only")
                .addModelInstance("lead-review.dmn", policyTable).deploy().getId();
        try {
            String id = driver.submitLead("""
                    {"firstName": "Ada", "email": "ada@engines-%s.co.uk", "country": "United Kingdom",
                     "source": "Reference"}""".formatted(unique()));
            driver.runJobs();

            assertThat(driver.lead(id).get("status").asText()).isEqualTo("IN_REVIEW");
            Task review = driver.taskOf(id);
            assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewLead");
            assertThat(tasks.getVariable(review.getId(), "reviewReasons"))
                    .isEqualTo("No company name: we sell to companies: find the company or disqualify the lead");
            assertThat(event(events(id), "HELD_FOR_REVIEW").get("summary").asText())
                    .endsWith("No company name: we sell to companies: find the company or disqualify the lead");
        } finally {
            repository.deleteDeployment(deployment, true);
        }

        // the shipped version applies again once the changed one is gone
        String individual = driver.submitLead("""
                {"firstName": "Ada", "email": "ada@engines-%s.co.uk", "country": "United Kingdom",
                 "source": "Reference"}""".formatted(unique()));
        driver.runJobs();
        assertThat(driver.lead(individual).get("status").asText()).isEqualTo("ASSIGNED");
    }

    /** A lead stored as a source sent it, then normalised with its problems recorded, as the process does. */
    private String storedAndValidated(LeadData data) {
        String id = transaction.execute(status -> leads.save(Lead.receive(data, clock.instant(), null)).getId());
        validation.validate(id);
        return id;
    }

    /** The component bound to {@code key} in the Camunda Form the task shows. */
    private JsonNode formField(Task task, String key) throws IOException {
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            for (JsonNode component : new ObjectMapper().readTree(form).get("components")) {
                if (key.equals(component.path("key").asText())) {
                    return component;
                }
            }
        }
        throw new AssertionError("no form field " + key);
    }
}
