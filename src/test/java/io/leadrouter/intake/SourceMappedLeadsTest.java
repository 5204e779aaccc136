package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.leadrouter.SharedData;
import io.leadrouter.lead.LeadData;
import io.leadrouter.source.SourceMapping;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * Leads read through the shipped source mappings ({@code processes/sources/}) and checked by the
 * parser: the real X Education export with its own columns, the contact rule of a source that
 * keeps contact data itself, errors in the source's own names, and the default mapping's aliases.
 */
class SourceMappedLeadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("processes", "sources");

    /** The export's columns that its README says sales staff write after contact, and the outcome. */
    private static final Set<String> AFTER_CONTACT = Set.of("Converted", "Tags", "Lead Quality", "Lead Profile",
            "Last Notable Activity", "Asymmetrique Activity Index", "Asymmetrique Profile Index",
            "Asymmetrique Activity Score", "Asymmetrique Profile Score");

    static SourceMapping shipped(String id) {
        try {
            String fileName = id + SourceMapping.FILE_SUFFIX;
            return SourceMapping.read(fileName, Files.readAllBytes(SOURCES.resolve(fileName)));
        } catch (IOException missing) {
            throw new IllegalStateException(missing);
        }
    }

    private static ObjectNode fields(Map<String, String> values) {
        ObjectNode fields = JSON.createObjectNode();
        values.forEach(fields::put);
        return fields;
    }

    private static List<FieldError> errors(JsonNode fields, SourceMapping mapping) {
        return catchThrowableOfType(InvalidInputException.class, () -> LeadSubmissionParser.parse(fields, mapping))
                .errors();
    }

    @Test
    void everyShippedMappingReads() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(SourceMapping.FILE_SUFFIX)).sorted().toList()) {
                ids.add(SourceMapping.read(file.getFileName().toString(), Files.readAllBytes(file)).id());
            }
        }
        assertThat(ids).containsExactly("default", "x-education");
    }

    @Test
    void everyRowOfTheXEducationExportIsAcceptedWithItsOwnColumns() throws IOException {
        Path export = SharedData.require("x-education-leads/leads.csv");
        SourceMapping xEducation = shipped("x-education");
        int rows = 0;
        int withVisits = 0;
        try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> csv = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (csv.hasNextValue()) {
                Map<String, String> row = csv.nextValue();
                rows++;

                LeadData lead = LeadSubmissionParser.parse(fields(row), xEducation);

                assertThat(lead.externalId()).isEqualTo(row.get("Prospect ID"));
                assertThat(lead.email()).isNull();
                assertThat(lead.company()).isNull();
                assertThat(lead.city()).isNotIn("Select", "Thane & Outskirts", "Other Cities", "Tier II Cities");
                JsonNode attributes = JSON.readTree(lead.attributes());
                assertThat(attributes.toString()).as("row %d", rows).doesNotContain("\"Select\"");
                attributes.fieldNames().forEachRemaining(name -> assertThat(name)
                        .as("every column is named in the mapping: none stays under its export name")
                        .matches("[a-z][A-Za-z]*"));
                assertThat(attributes.get("leadNumber").asText()).isEqualTo(row.get("Lead Number"));
                assertThat(attributes.get("doNotEmail").isBoolean()).isTrue();
                if (!row.get("TotalVisits").isBlank()) {
                    withVisits++;
                    assertThat(attributes.get("totalVisits").isNumber()).isTrue();
                    assertThat(attributes.get("timeOnSiteSeconds").isIntegralNumber()).isTrue();
                }
            }
        }
        assertThat(rows).isEqualTo(7374);
        assertThat(withVisits).isGreaterThan(7000);
    }

    @Test
    void theOutcomeAndWhatStaffWroteAfterContactAreNeverStored() {
        ObjectNode row = JSON.createObjectNode().put("Prospect ID", "p-3");
        AFTER_CONTACT.forEach(column -> row.put(column, "written later"));

        LeadData lead = LeadSubmissionParser.parse(row, shipped("x-education"));

        assertThat(lead.attributes()).isNull();
    }

    @Test
    void aLeadOfASourceThatKeepsContactDataNeedsItsIdThere() {
        SourceMapping xEducation = shipped("x-education");

        List<FieldError> errors = errors(fields(Map.of("Lead Source", "Google", "TotalVisits", "3")), xEducation);

        assertThat(errors).extracting(FieldError::field).containsExactly("email", "phone", "externalId");
        assertThat(errors.get(2).message()).contains("Prospect ID", "X Education");
        assertThat(LeadSubmissionParser.parse(fields(Map.of("Prospect ID", "p-1")), xEducation).externalId())
                .isEqualTo("p-1");
    }

    @Test
    void aSourceThatDoesNotKeepContactDataStillNeedsAnEmailOrAPhone() {
        List<FieldError> errors = errors(fields(Map.of("External ID", "crm-1", "Company Name", "Engines")),
                shipped("default"));

        assertThat(errors).extracting(FieldError::field).containsExactly("email", "phone");
    }

    @Test
    void errorsNameTheSourcesOwnFields() {
        ObjectNode lead = fields(Map.of("Prospect ID", "p-2", "TotalVisits", "many", "Lead Number", "66x"));
        lead.put("Country", 44);

        assertThat(errors(lead, shipped("x-education"))).containsExactlyInAnyOrder(
                new FieldError("TotalVisits", "must be a number"),
                new FieldError("Lead Number", "must be a whole number"),
                new FieldError("Country", "must be a string"));
    }

    @Test
    void theDefaultMappingKnowsTheExportNamesThatWereOnceInJava() {
        LeadData lead = LeadSubmissionParser.parse(fields(Map.of("Email Address", "ada@example.org",
                "Phone Number", "+44 20 7946 0000", "Account", "Analytical Engines", "Number of Employees", "250",
                "Revenue", "1500000.50", "Lead Source", "google", "Campaign", "spring")), shipped("default"));

        assertThat(lead.email()).isEqualTo("ada@example.org");
        assertThat(lead.phone()).isEqualTo("+44 20 7946 0000");
        assertThat(lead.company()).isEqualTo("Analytical Engines");
        assertThat(lead.employees()).isEqualTo(250);
        assertThat(lead.annualRevenue()).isEqualByComparingTo("1500000.50");
        assertThat(lead.source()).isEqualTo("google");
        assertThat(lead.attributes()).isEqualTo("{\"Campaign\":\"spring\"}");
        assertThat(LeadSubmissionParser.parse(fields(Map.of("email", "a@b.org", "Company Name", "Engines")),
                shipped("default")).company()).isEqualTo("Engines");
    }
}
