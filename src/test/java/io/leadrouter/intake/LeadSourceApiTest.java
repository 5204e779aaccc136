package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;

/**
 * Lead sources chosen at intake ({@code ?source=} or {@code Lead-Source}) on the JSON API and
 * both CSV imports, the answers when the source is unknown or a lead does not fit its mapping,
 * and a source added at runtime by deploying a mapping file, with no Java and no restart.
 */
@IntegrationTest
class LeadSourceApiTest {

    /** The X Education export's header and two of its rows, as the export has them. */
    private static final String EXPORT_HEADER = "Prospect ID,Lead Number,Lead Origin,Lead Source,Do Not Email,"
            + "Do Not Call,Converted,TotalVisits,Total Time Spent on Website,Page Views Per Visit,Last Activity,"
            + "Country,Specialization,How did you hear about X Education,What is your current occupation,"
            + "What matters most to you in choosing a course,Search,Magazine,Newspaper Article,X Education Forums,"
            + "Newspaper,Digital Advertisement,Through Recommendations,Receive More Updates About Our Courses,Tags,"
            + "Lead Quality,Update me on Supply Chain Content,Get updates on DM Content,Lead Profile,City,"
            + "Asymmetrique Activity Index,Asymmetrique Profile Index,Asymmetrique Activity Score,"
            + "Asymmetrique Profile Score,I agree to pay the amount through cheque,"
            + "A free copy of Mastering The Interview,Last Notable Activity";
    private static final String EXPORT_ROWS = """
            %1$s-a,660737,API,Olark Chat,No,No,0,0,0,0,Page Visited on Website,,Select,Select,Unemployed,Better Career \
            Prospects,No,No,No,No,No,No,No,No,Interested in other courses,Low in Relevance,No,No,Select,Select,02.Medium,\
            02.Medium,15,15,No,No,Modified
            %1$s-b,660728,API,Organic Search,No,No,0,5,674,2.5,Email Opened,India,Select,Select,Unemployed,Better \
            Career Prospects,No,No,No,No,No,No,No,No,Ringing,,No,No,Select,Thane & Outskirts,02.Medium,02.Medium,15,15,\
            No,No,Email Opened
            """;

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;
    @Autowired
    RepositoryService repository;

    private static String xEducationLead(String prospectId) {
        return """
                {"Prospect ID": "%s", "Lead Number": "660728", "Lead Origin": "API", "Lead Source": "Organic Search",
                 "Do Not Email": "No", "Do Not Call": "No", "Converted": "1", "TotalVisits": "5",
                 "Total Time Spent on Website": "674", "Page Views Per Visit": "2.5", "Last Activity": "Email Opened",
                 "Country": "India", "Specialization": "Select", "What is your current occupation": "Unemployed",
                 "Tags": "Ringing", "City": "Thane & Outskirts", "A free copy of Mastering The Interview": "Yes"}
                """.formatted(prospectId);
    }

    private ResponseEntity<JsonNode> post(String path, String json, String sourceHeader) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (sourceHeader != null) {
            headers.set("Lead-Source", sourceHeader);
        }
        return driver.admin().postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> postCsv(String path, String csv, String sourceHeader) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        if (sourceHeader != null) {
            headers.set("Lead-Source", sourceHeader);
        }
        return driver.admin().postForEntity(path, new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void anXEducationLeadIsPostedWithItsOwnColumnsAndNoContactData() {
        String prospect = "xe-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response = post("/api/leads?source=x-education", xEducationLead(prospect), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode lead = response.getBody();
        assertThat(lead.get("externalId").asText()).isEqualTo(prospect);
        assertThat(lead.get("sourceMapping").asText()).isEqualTo("x-education");
        assertThat(lead.get("source").asText()).isEqualTo("Organic Search");
        assertThat(lead.get("country").asText()).isEqualTo("India");
        assertThat(lead.get("city").asText()).isEqualTo("Thane");
        assertThat(lead.has("email")).isFalse();
        JsonNode attributes = lead.get("attributes");
        assertThat(attributes.get("totalVisits").asInt()).isEqualTo(5);
        assertThat(attributes.get("timeOnSiteSeconds").asInt()).isEqualTo(674);
        assertThat(attributes.get("pageViewsPerVisit").asDouble()).isEqualTo(2.5);
        assertThat(attributes.get("doNotEmail").booleanValue()).isFalse();
        assertThat(attributes.get("wantsInterviewGuide").booleanValue()).isTrue();
        assertThat(attributes.get("occupation").asText()).isEqualTo("Unemployed");
        assertThat(attributes.has("specialization")).as("Select: not answered").isFalse();
        assertThat(attributes.toString()).doesNotContain("Ringing", "Converted", "Tags");
        assertThat(leads.findByExternalId(prospect).map(Lead::getSourceMapping)).contains("x-education");
    }

    @Test
    void theLeadSourceHeaderChoosesTheMappingLikeTheParameter() {
        String prospect = "xe-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response = post("/api/leads", xEducationLead(prospect), "x-education");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("sourceMapping").asText()).isEqualTo("x-education");
        assertThat(post("/api/leads?source=x-education", xEducationLead(prospect), "x-education").getStatusCode())
                .as("the same source twice, and the lead sent before").isEqualTo(HttpStatus.OK);
    }

    @Test
    void twoDifferentSourcesInOneRequestAreRefused() {
        ResponseEntity<JsonNode> response = post("/api/leads?source=x-education", xEducationLead("xe-two"), "default");

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("?source=x-education", "Lead-Source: default");
    }

    @Test
    void anUnknownSourceIs400NamingTheKnownOnesOnTheApiAndBothImports() {
        long before = leads.count();

        List<ResponseEntity<JsonNode>> answers = List.of(
                post("/api/leads?source=hubspot", xEducationLead("xe-unknown"), null),
                postCsv("/api/leads/import?source=hubspot", "email\nada@example.org\n", null),
                postCsv("/api/imports", "email\nada@example.org\n", "hubspot"));

        for (ResponseEntity<JsonNode> answer : answers) {
            assertProblem(answer, HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("detail").asText()).contains("'hubspot'", "default", "x-education");
            assertThat(answer.getBody().get("knownSources")).extracting(JsonNode::asText)
                    .contains("default", "x-education");
        }
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void aValueThatDoesNotFitIsNamedByTheSourcesField() {
        ResponseEntity<JsonNode> response = post("/api/leads?source=x-education",
                xEducationLead("xe-" + UUID.randomUUID()).replace("\"TotalVisits\": \"5\"", "\"TotalVisits\": \"five\""),
                null);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo("TotalVisits");
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).isEqualTo("must be a number");
    }

    @Test
    void aLeadWithoutContactDataNorItsProspectIdIsRefusedSayingSo() {
        ResponseEntity<JsonNode> response = post("/api/leads?source=x-education", """
                {"Lead Source": "Google", "TotalVisits": "2"}""", null);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).containsExactly("email", "phone", "externalId");
        assertThat(response.getBody().toString()).contains("Prospect ID");
    }

    @Test
    void withoutASourceTheApiTakesOnlyLeadRoutersOwnFieldNames() {
        ResponseEntity<JsonNode> response = post("/api/leads", xEducationLead("xe-" + UUID.randomUUID()), null);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).contains("Prospect ID", "TotalVisits");
    }

    @Test
    void theSynchronousImportReadsTheExportThroughItsMapping() {
        String run = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> report = postCsv("/api/leads/import?source=x-education",
                EXPORT_HEADER + "\n" + EXPORT_ROWS.formatted(run), null);

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("created").asInt()).as("%s", report.getBody()).isEqualTo(2);
        Lead thane = leads.findByExternalId(run + "-b").orElseThrow();
        assertThat(thane.getSourceMapping()).isEqualTo("x-education");
        assertThat(thane.getCity()).isEqualTo("Thane");
        assertThat(thane.getAttributes()).contains("\"timeOnSiteSeconds\":674").doesNotContain("Ringing");
        assertThat(leads.findByExternalId(run + "-a").orElseThrow().getCountry()).isNull();
    }

    @Test
    void anImportWithoutASourceReadsItsColumnsThroughTheDefaultMapping() {
        String externalId = "csv-" + UUID.randomUUID();

        postCsv("/api/leads/import", "External ID,Email Address,Company Name\n" + externalId
                + ",grace@navy.example.org,Navy\n", null);

        Lead lead = leads.findByExternalId(externalId).orElseThrow();
        assertThat(lead.getSourceMapping()).isEqualTo("default");
        assertThat(lead.getEmail()).isEqualTo("grace@navy.example.org");
        assertThat(lead.getCompany()).isEqualTo("Navy");
    }

    @Test
    void theBulkImportRecordsItsSourceAndReadsTheExportThroughIt() {
        String run = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> accepted = postCsv("/api/imports", EXPORT_HEADER + "\n" + EXPORT_ROWS.formatted(run),
                "x-education");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("sourceMapping").asText()).isEqualTo("x-education");
        String id = accepted.getBody().get("id").asText();
        JsonNode done = await("import " + id).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> driver.admin().getForObject("/api/imports/" + id, JsonNode.class),
                        status -> status.get("state").asText().matches("DONE|FAILED"));
        assertThat(done.get("state").asText()).as("%s", done).isEqualTo("DONE");
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(leads.findByExternalId(run + "-a").map(Lead::getSourceMapping)).contains("x-education");
    }

    /**
     * A lead source the shipped files do not have, added, changed and broken by deploying its
     * mapping through the engine while the application runs: each version applies to the next lead.
     */
    @Test
    void aSourceIsAddedAndChangedByDeployingItsMappingWithoutJavaOrRestart() {
        String lead = """
                {"E-mail": "ada.%s@webinar.example.org", "Seats": "3", "Plan": "Pro (annual)", "Talk": "Engines"}
                """;
        assertProblem(post("/api/leads?source=webinar-signups", lead.formatted("before"), null), HttpStatus.BAD_REQUEST);
        List<String> deployments = new ArrayList<>();
        try {
            deployments.add(deploy("""
                    name: Webinar sign-ups
                    fields:
                      E-mail: email
                      Seats:
                        to: attributes.seats
                        type: integer
                      Plan:
                        to: product
                        values: {Pro (annual): GTX Pro}
                    """));

            JsonNode first = post("/api/leads?source=webinar-signups", lead.formatted(UUID.randomUUID()), null).getBody();

            assertThat(first.get("sourceMapping").asText()).as("%s", first).isEqualTo("webinar-signups");
            assertThat(first.get("email").asText()).startsWith("ada.");
            assertThat(first.get("product").asText()).isEqualTo("GTX Pro");
            assertThat(first.get("attributes").get("seats").asInt()).isEqualTo(3);
            assertThat(first.get("attributes").get("Talk").asText()).isEqualTo("Engines");

            deployments.add(deploy("""
                    name: Webinar sign-ups
                    fields:
                      E-mail: email
                      Seats:
                        to: attributes.seatsBooked
                        type: integer
                    """));

            JsonNode second = post("/api/leads?source=webinar-signups", lead.formatted(UUID.randomUUID()), null)
                    .getBody();

            assertThat(second.get("attributes").get("seatsBooked").asInt()).as("the new version applies at once")
                    .isEqualTo(3);
            assertThat(second.get("attributes").get("Plan").asText()).isEqualTo("Pro (annual)");

            deployments.add(deploy("""
                    fields:
                      E-mail: emial
                    """));

            ResponseEntity<JsonNode> broken = post("/api/leads?source=webinar-signups",
                    lead.formatted(UUID.randomUUID()), null);

            assertProblem(broken, HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(broken.getBody().get("file").asText()).isEqualTo("webinar-signups.source.yaml");
            assertThat(broken.getBody().get("detail").asText()).contains("unknown target 'emial'",
                    deployments.get(2));
        } finally {
            deployments.forEach(id -> repository.deleteDeployment(id, true));
        }
    }

    private String deploy(String mapping) {
        return repository.createDeployment().name("webinar-signups mapping")
                .addString("webinar-signups.source.yaml", mapping).deploy().getId();
    }
}
