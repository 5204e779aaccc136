package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.security.Roles;

/**
 * {@code GET /api/leads/{id}/timeline}: a lead's life in order, each moment typed, with its rep,
 * team, actor and summary; read by those who may read the lead, "not found" for everyone else.
 */
@IntegrationTest
class LeadTimelineApiTest {

    private static final String CALIFORNIA_LEAD = """
            {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@engines-%s.com",
             "company": "Analytical Engines", "country": "USA", "state": "California",
             "industry": "Technology", "employees": 2500, "annualRevenue": 250000000, "product": "gtx pro",
             "source": "reference"}""";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    IdentityService identity;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    private static String californiaLead() {
        return CALIFORNIA_LEAD.formatted(UUID.randomUUID().toString().substring(0, 8));
    }

    private JsonNode events(String leadId) {
        return driver.admin().getForObject("/api/leads/" + leadId + "/timeline", JsonNode.class).get("events");
    }

    @Test
    void aRoutedAndWorkedLeadTellsItsLifeInOrder() {
        String id = driver.submitLead(californiaLead());
        driver.runJobs();
        Task work = driver.taskOf(id);
        String owner = work.getAssignee();
        driver.complete(work, Map.of("outcome", "CONVERTED", "dealValue", 24_000, "outcomeNote", "Signed for two years"));

        JsonNode timeline = driver.admin().getForObject("/api/leads/" + id + "/timeline", JsonNode.class);

        assertThat(timeline.get("leadId").asText()).isEqualTo(id);
        JsonNode events = timeline.get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "ROUTED", "OUTCOME_RECORDED");
        assertThat(events.findValuesAsText("at")).extracting(Instant::parse).isSorted();
        JsonNode lead = driver.lead(id);
        assertThat(Instant.parse(events.get(0).get("at").asText())).isEqualTo(Instant.parse(lead.get("receivedAt").asText()));
        assertThat(events.get(0).get("summary").asText()).isEqualTo("Received from " + lead.get("source").asText());
        assertThat(events.get(1).get("rep").asText()).isEqualTo(owner);
        assertThat(events.get(1).get("team").asText()).isEqualTo("west");
        assertThat(events.get(1).get("summary").asText()).isEqualTo(lead.get("routing").get("reason").asText());
        assertThat(events.get(2).get("rep").asText()).isEqualTo(owner);
        assertThat(events.get(2).get("summary").asText()).isEqualTo("Outcome CONVERTED, deal value 24,000.00: Signed for two years");
        assertThat(Instant.parse(events.get(2).get("at").asText())).isEqualTo(Instant.parse(lead.get("closedAt").asText()));
    }

    @Test
    void routingThatFindsNobodyAndTheAssignmentByHandAreBothOnTheTimeline() {
        driver.setAvailability("west", false);
        String id = driver.submitLead(californiaLead());
        driver.runJobs();
        Task assign = driver.taskOf(id);
        identity.setAuthentication("sam.ops", List.of(Roles.SALES_OPS));
        try {
            driver.complete(assign, Map.of("owner", "anna.snelling"));
        } finally {
            identity.clearAuthentication();
        }

        JsonNode events = events(id);

        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "NO_REP_FOUND", "ASSIGNED_BY_HAND");
        assertThat(events.get(1).has("rep")).isFalse();
        assertThat(events.get(1).get("team").asText()).isEqualTo("west");
        assertThat(events.get(1).get("summary").asText()).contains("the lead waits for manual assignment");
        assertThat(events.get(2).get("rep").asText()).isEqualTo("anna.snelling");
        assertThat(events.get(2).get("team").asText()).isEqualTo("central");
        assertThat(events.get(2).get("actor").asText()).isEqualTo("sam.ops");
        assertThat(events.get(2).get("summary").asText()).startsWith("Assigned by hand by sam.ops");
    }

    @Test
    void aSecondLeadOfTheSamePersonEndsMergedIntoTheFirst() {
        String lead = californiaLead();
        String first = driver.submitLead(lead);
        driver.runJobs();
        String second = driver.submitLead(lead.replace("\"Ada\"", "\"A.\""));
        driver.runJobs();

        JsonNode events = events(second);

        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "MERGED");
        assertThat(events.get(1).get("summary").asText()).contains(first);
        assertThat(events.get(1).get("rep").asText()).isEqualTo(driver.lead(first).get("owner").asText());
    }

    @Test
    void aColdLeadEndsClosedForNurture() {
        String id = driver.submitLead("""
                {"email": "student@uni-mail-%s.in", "company": "Self", "country": "India"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        driver.runJobs();

        JsonNode events = events(id);

        assertThat(events.findValuesAsText("type")).containsExactly("RECEIVED", "CLOSED");
        assertThat(events.get(1).get("summary").asText()).startsWith("Moved to marketing nurture");
    }

    @Test
    void aLeadThatIsNotYoursAnswersLikeOneThatDoesNotExist() {
        String id = driver.submitLead(californiaLead());
        driver.runJobs();
        String owner = driver.lead(id).get("owner").asText();
        String missing = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> ownersView = driver.as(owner, "demo").getForEntity("/api/leads/" + id + "/timeline",
                JsonNode.class);
        ResponseEntity<JsonNode> notYours = driver.as("anna.snelling", "demo")
                .getForEntity("/api/leads/" + id + "/timeline", JsonNode.class);
        ResponseEntity<JsonNode> none = driver.as("anna.snelling", "demo")
                .getForEntity("/api/leads/" + missing + "/timeline", JsonNode.class);

        assertThat(ownersView.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownersView.getBody().get("events").findValuesAsText("type")).containsExactly("RECEIVED", "ROUTED");
        assertThat(notYours.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notYours.getBody().get("title")).isEqualTo(none.getBody().get("title"));
        assertThat(notYours.getBody().get("detail").asText()).isEqualTo("No lead with id '" + id + "'");
        assertThat(notYours.getBody().size()).isEqualTo(none.getBody().size());
    }
}
