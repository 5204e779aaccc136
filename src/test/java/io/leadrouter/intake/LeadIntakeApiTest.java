package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
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
import io.leadrouter.lead.LeadRepository;

@IntegrationTest
class LeadIntakeApiTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;
    @Autowired
    RuntimeService runtime;

    @Test
    void acceptedLeadAnswers201WithLocationAndTheStoredLead() {
        ResponseEntity<JsonNode> response = driver.postLead("""
                {"firstName": "Grace", "lastName": "Hopper", "email": " Grace.Hopper@Navy-Systems.com ",
                 "phone": "+1 415 555 0100", "company": "Navy Systems", "country": "United States",
                 "state": "California", "employees": 2500, "annualRevenue": 250000000.50,
                 "attributes": {"campaign": "spring-launch", "visits": [1, 2]}}
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode lead = response.getBody();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/leads/" + lead.get("id").asText());
        assertThat(lead.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(lead.get("company").asText()).isEqualTo("Navy Systems");
        assertThat(lead.get("employees").asInt()).isEqualTo(2500);
        assertThat(lead.get("annualRevenue").decimalValue()).isEqualByComparingTo("250000000.50");
        assertThat(lead.get("attributes").get("campaign").asText()).isEqualTo("spring-launch");
        assertThat(lead.get("attributes").get("visits")).hasSize(2);
        assertThat(lead.get("receivedAt").asText()).isNotBlank();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead.get("id").asText()).count())
                .isEqualTo(1);
    }

    @Test
    void sameExternalIdAgainAnswers200WithTheExistingLeadAndStartsNothing() {
        String externalId = "crm-" + UUID.randomUUID();
        String body = """
                {"externalId": "%s", "email": "ada@analytical.example.org", "company": "Analytical Engines"}
                """.formatted(externalId);

        ResponseEntity<JsonNode> first = driver.postLead(body);
        ResponseEntity<JsonNode> second = driver.postLead(body.replace("Analytical Engines", "Changed Ltd"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        String id = first.getBody().get("id").asText();
        assertThat(second.getBody().get("id").asText()).isEqualTo(id);
        assertThat(second.getBody().get("company").asText()).isEqualTo("Analytical Engines");
        assertThat(leads.findByExternalId(externalId)).isPresent();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    }

    @Test
    void concurrentPostsOfOneExternalIdCreateOneLead() throws Exception {
        String externalId = "race-" + UUID.randomUUID();
        String body = """
                {"externalId": "%s", "phone": "+44 20 7946 0000", "company": "Race Ltd"}""".formatted(externalId);
        int threads = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return driver.postLead(body);
            }));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (var answer : answers) {
            ResponseEntity<JsonNode> response = answer.get();
            statuses.add((HttpStatus) response.getStatusCode());
            ids.add(response.getBody().get("id").asText());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(HttpStatus.CREATED, HttpStatus.OK);
        assertThat(statuses).filteredOn(HttpStatus.CREATED::equals).hasSize(1);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ids.get(0)).count()).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotJsonAnswers400Problem() {
        long before = leads.count();

        ResponseEntity<JsonNode> response = driver.postLead("{\"email\": \"a@b.com\", ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("detail").asText()).contains("not valid JSON");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamedAndNothingIsStored() {
        long before = leads.count();

        ResponseEntity<JsonNode> response = driver.postLead("""
                {"email": "not-an-address", "firstName": 42, "employees": "many", "annualRevenue": -5,
                 "attributes": ["x"], "favouriteColour": "blue"}
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(fields(response.getBody()))
                .containsExactlyInAnyOrder("email", "firstName", "employees", "annualRevenue", "attributes",
                        "favouriteColour");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void leadWithoutEmailAndPhoneIsRejectedNamingBoth() {
        long before = leads.count();

        ResponseEntity<JsonNode> response = driver.postLead("""
                {"firstName": "Nobody", "company": "Unreachable Inc", "email": "N/A", "phone": "  "}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).containsExactlyInAnyOrder("email", "phone");
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("no way to contact");
        assertThat(leads.count()).isEqualTo(before);
    }

    @Test
    void jsonArrayInsteadOfALeadIsRejected() {
        ResponseEntity<JsonNode> response = driver.postLead("[]");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).containsExactly("$");
    }

    @Test
    void unknownLeadAnswers404Problem() {
        ResponseEntity<JsonNode> response = driver.admin().getForEntity("/api/leads/" + UUID.randomUUID(),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
    }

    @Test
    void leadsAreListedByStatusAndOwnerPageByPage() {
        String phone = "+1 212 555 " + (1000 + (int) (Math.random() * 8999));
        for (int i = 0; i < 3; i++) {
            driver.submitLead("""
                    {"phone": "%s", "company": "Paging Co %d"}""".formatted(phone, i));
        }

        JsonNode page = driver.admin().getForObject("/api/leads?status=RECEIVED&size=2&page=0", JsonNode.class);

        assertThat(page.get("content")).hasSize(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        page.get("content").forEach(lead -> assertThat(lead.get("status").asText()).isEqualTo("RECEIVED"));
        JsonNode nobodys = driver.admin().getForObject("/api/leads?owner=no.such.rep", JsonNode.class);
        assertThat(nobodys.get("totalElements").asLong()).isZero();
        ResponseEntity<JsonNode> badStatus = driver.admin().getForEntity("/api/leads?status=SLEEPING", JsonNode.class);
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void csvImportAcceptsGoodRowsAndReportsBadRowsByLine() {
        String externalId = "csv-" + UUID.randomUUID();
        String csv = """
                External ID,First Name,Last Name,Email,Company,Country,Employees,Lead Source,TotalVisits
                %s,Alan,Turing,alan@bletchley.example.org,Bletchley Park,UK,120,google,7
                ,Bad,Row,,No Contact Ltd,Germany,many,Reference,1
                %s,Alan,Turing,alan@bletchley.example.org,Bletchley Park,UK,120,google,7
                """.formatted(externalId, externalId);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));

        JsonNode report = driver.admin().postForObject("/api/leads/import", new HttpEntity<>(csv, headers),
                JsonNode.class);

        assertThat(report.get("rows").asInt()).isEqualTo(3);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("existing").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        // named as the file's columns, through the default mapping; phone has no column
        assertThat(fieldsOf(error.get("errors"))).contains("Employees", "Email", "phone");
        var lead = leads.findByExternalId(externalId).orElseThrow();
        assertThat(lead.getCompany()).isEqualTo("Bletchley Park");
        assertThat(lead.getEmployees()).isEqualTo(120);
        assertThat(lead.getAttributes()).contains("\"TotalVisits\":\"7\"");
    }

    @Test
    void eachCsvRowWithAValuePastItsColumnCostsOnlyItself() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                External ID,Email,Company,Revenue,Employees
                %1$s-1,a1@row-%1$s.example.org,Row One,1000,10
                %1$s-2,a2@row-%1$s.example.org,Row Two,99999999999999999.995,10
                %1$s-3,a3@row-%1$s.example.org,Row Three,1e-100001,10
                %1$s-4,a4@row-%1$s.example.org,Row Four,12.345,1e400
                %1$s-5,a5@row-%1$s.example.org,Row Five,1,2,3,4
                %1$s-6,a6@row-%1$s.example.org,Row Six,1e309,1
                %1$s-7,a7@row-%1$s.example.org,Row Seven,2500000.5,2500
                """.formatted(run);

        JsonNode report = importCsv(csv).getBody();

        assertThat(report.get("rows").asInt()).isEqualTo(7);
        assertThat(report.get("created").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(4);
        assertThat(report.get("errorsOmitted").asInt()).isZero();
        List<String> rowErrors = new ArrayList<>();
        report.get("errors").forEach(error -> rowErrors.add(error.get("line").asInt() + ":"
                + String.join("+", fieldsOf(error.get("errors")))));
        assertThat(rowErrors).containsExactly("3:Revenue", "5:Employees", "6:csv", "7:Revenue");
        assertThat(report.toString()).doesNotContain("Exception", "Infinite");
        assertThat(leads.findByExternalId(run + "-3").orElseThrow().getAnnualRevenue()).isEqualByComparingTo("0.00");
        assertThat(leads.findByExternalId(run + "-7").orElseThrow().getAnnualRevenue()).isEqualByComparingTo("2500000.50");
        assertThat(leads.findByExternalId(run + "-2")).isEmpty();
    }

    @Test
    void csvImportWithManyBadRowsListsTheFirstHundredRowErrorsAndCountsTheRest() {
        StringBuilder csv = new StringBuilder("Email,Company\n");
        for (int row = 1; row <= 250; row++) {
            csv.append("not-an-email-").append(row).append(",Bad Row ").append(row).append('\n');
        }
        csv.append("good-").append(UUID.randomUUID()).append("@many-bad-rows.example.org,Good Row\n");

        JsonNode report = importCsv(csv.toString()).getBody();

        assertThat(report.get("rows").asInt()).isEqualTo(251);
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(250);
        assertThat(report.get("errors")).hasSize(100);
        assertThat(report.get("errors").get(99).get("line").asInt()).isEqualTo(101);
        assertThat(report.get("errorsOmitted").asInt()).isEqualTo(150);
    }

    @Test
    void revenuePastTheDoubleRangeIsA400NamingTheFieldWithoutExceptionText() {
        ResponseEntity<JsonNode> response = driver.postLead("""
                {"email": "huge.revenue@navy-systems.com", "annualRevenue": 1e309}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response.getBody())).containsExactly("annualRevenue");
        assertThat(response.getBody().toString()).doesNotContain("Infinite", "NaN", "Exception");
    }

    @Test
    void leadWhoseLanguageOutgrowsItsColumnOnceLowerCasedIsRefusedAndNotStored() {
        String externalId = "grows-" + UUID.randomUUID();
        ResponseEntity<JsonNode> response = driver.postLead("""
                {"externalId": "%s", "email": "grows@navy-systems.com", "language": "%s"}"""
                .formatted(externalId, "İ".repeat(20)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response.getBody())).containsExactly("language");
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("once normalised");
        assertThat(leads.findByExternalId(externalId)).isEmpty();
    }

    private ResponseEntity<JsonNode> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return driver.admin().postForEntity("/api/leads/import", new HttpEntity<>(csv, headers), JsonNode.class);
    }

    private static List<String> fields(JsonNode problem) {
        return fieldsOf(problem.get("errors"));
    }

    private static List<String> fieldsOf(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
