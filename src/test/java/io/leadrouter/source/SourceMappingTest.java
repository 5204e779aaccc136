package io.leadrouter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.LeadField;
import io.leadrouter.web.FieldError;

/**
 * A source mapping as a modeler writes it: names matched in any case and spacing, value maps,
 * placeholders, types and dropped fields; and each fault of a file named where it is.
 */
class SourceMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WEBINARS = """
            name: Webinar sign-ups
            placeholders: [Select, "-"]
            fields:
              E-mail Address: email
              Employer: company
              Seats:
                to: attributes.seats
                type: integer
              Rating:
                to: attributes.rating
                type: number
              Newsletter:
                to: attributes.newsletter
                type: boolean
              Plan:
                to: attributes.plan
                values:
                  Pro (annual): pro
                  Trial: null
              Referrer:
                to: attributes.referrer
                type: text
              Internal Score:
                ignore: true
            """;

    private static SourceMapping mapping(String yaml) {
        return SourceMapping.read("webinars.source.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceMapping.Mapped map(String yaml, String fields) throws Exception {
        return mapping(yaml).map((ObjectNode) JSON.readTree(fields));
    }

    private static String fault(String yaml) {
        return String.join("; ", catchThrowableOfType(InvalidSourceMappingException.class, () -> mapping(yaml))
                .faults());
    }

    @Test
    void theFileNameIsTheSourceIdAndTheNameDefaultsToIt() {
        SourceMapping webinars = mapping(WEBINARS);

        assertThat(webinars.id()).isEqualTo("webinars");
        assertThat(webinars.name()).isEqualTo("Webinar sign-ups");
        assertThat(webinars.contactKeptAtSource()).isFalse();
        assertThat(mapping("fields: {}").name()).isEqualTo("webinars");
    }

    @Test
    void sourceNamesMatchInAnyCaseAndSpacingAndGoWhereTheFileSays() throws Exception {
        SourceMapping.Mapped mapped = map(WEBINARS, """
                {"e_mail_address": "ada@example.org", "EMPLOYER": " Analytical Engines ", "seats": "3"}""");

        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.lead().get("email").asText()).isEqualTo("ada@example.org");
        assertThat(mapped.lead().get("company").asText()).isEqualTo("Analytical Engines");
        assertThat(mapped.lead().get("attributes").get("seats").isIntegralNumber()).isTrue();
        assertThat(mapped.lead().get("attributes").get("seats").asInt()).isEqualTo(3);
        assertThat(mapped.sourceNames()).containsEntry("email", "e_mail_address").containsEntry("company", "EMPLOYER");
    }

    @Test
    void aFieldNamedLikeALeadRouterFieldGoesThereAndAnyOtherStaysAnAttributeByItsOwnName() throws Exception {
        SourceMapping.Mapped mapped = map(WEBINARS, """
                {"First Name": "Ada", "country": "UK", "Favourite Talk": "Engines", "Agenda": {"day": [1, 2]}}""");

        assertThat(mapped.lead().get("firstName").asText()).isEqualTo("Ada");
        assertThat(mapped.lead().get("country").asText()).isEqualTo("UK");
        JsonNode attributes = mapped.lead().get("attributes");
        assertThat(attributes.get("Favourite Talk").asText()).isEqualTo("Engines");
        assertThat(attributes.get("Agenda").get("day")).hasSize(2);
        assertThat(attributes.has("firstName")).isFalse();
    }

    @Test
    void theFileWinsOverALeadRouterFieldOfTheSameName() throws Exception {
        String renamed = """
                fields:
                  Company: attributes.employerAsGiven
                """;

        SourceMapping.Mapped mapped = map(renamed, "{\"company\": \"Engines\"}");

        assertThat(mapped.lead().has("company")).isFalse();
        assertThat(mapped.lead().get("attributes").get("employerAsGiven").asText()).isEqualTo("Engines");
    }

    @Test
    void valueMapsApplyInAnyCaseAndNullMeansNotAnswered() throws Exception {
        assertThat(map(WEBINARS, "{\"Plan\": \"pro  (ANNUAL)\"}").lead().get("attributes").get("plan").asText())
                .isEqualTo("pro");
        assertThat(map(WEBINARS, "{\"Plan\": \"Trial\"}").lead().has("attributes")).isFalse();
        assertThat(map(WEBINARS, "{\"Plan\": \"Team\"}").lead().get("attributes").get("plan").asText())
                .as("a value the map does not name stays as sent").isEqualTo("Team");
    }

    @Test
    void placeholdersAndBlanksAreNotAnsweredInEveryField() throws Exception {
        SourceMapping.Mapped mapped = map(WEBINARS, """
                {"E-mail Address": "ada@example.org", "Employer": "SELECT", "Seats": "-", "Notes": "  ",
                 "Topic": "select", "Rating": null}""");

        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.lead().has("company")).isFalse();
        assertThat(mapped.lead().has("attributes")).as("no attribute left: %s", mapped.lead()).isFalse();
    }

    @Test
    void typesTurnTextIntoNumbersAndFlags() throws Exception {
        JsonNode attributes = map(WEBINARS, """
                {"Seats": "12", "Rating": "4.5", "Newsletter": "Yes", "Referrer": 42}""").lead().get("attributes");

        assertThat(attributes.get("seats").asLong()).isEqualTo(12);
        assertThat(attributes.get("rating").asDouble()).isEqualTo(4.5);
        assertThat(attributes.get("newsletter").isBoolean()).isTrue();
        assertThat(attributes.get("newsletter").booleanValue()).isTrue();
        assertThat(attributes.get("referrer").isTextual()).isTrue();
        assertThat(map(WEBINARS, "{\"Newsletter\": \"n\"}").lead().get("attributes").get("newsletter").booleanValue())
                .isFalse();
        assertThat(map(WEBINARS, "{\"Seats\": \"12.0\"}").lead().get("attributes").get("seats").asLong())
                .as("a whole number written with a fraction of zero").isEqualTo(12);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByTheSourcesFieldAndLeftOut() throws Exception {
        SourceMapping.Mapped mapped = map(WEBINARS, """
                {"Seats": "two", "Rating": "1e400", "Newsletter": "maybe", "Referrer": {"a": 1}, "Employer": "X"}""");

        assertThat(mapped.errors()).containsExactly(
                new FieldError("Seats", "must be a whole number"),
                new FieldError("Rating", "must be a number"),
                new FieldError("Newsletter", "must be yes or no"),
                new FieldError("Referrer", "must be text"));
        assertThat(mapped.lead().has("attributes")).isFalse();
        assertThat(map(WEBINARS, "{\"Seats\": \"2.5\"}").errors()).extracting(FieldError::message)
                .containsExactly("must be a whole number");
    }

    @Test
    void ignoredFieldsAreDropped() throws Exception {
        SourceMapping.Mapped mapped = map(WEBINARS, "{\"internal_score\": 97, \"E-mail Address\": \"a@b.org\"}");

        assertThat(mapped.lead().toString()).doesNotContain("97", "internal");
    }

    @Test
    void numbersForLeadRouterNumberFieldsArriveAsTextAndAreReadAsNumbers() throws Exception {
        ObjectNode lead = map("fields: {Revenue: annualRevenue, Headcount: employees}", """
                {"Revenue": "1,500,000.50", "Headcount": "250", "employees": "many"}""").lead();

        assertThat(lead.get("annualRevenue").decimalValue()).isEqualByComparingTo("1500000.50");
        assertThat(lead.get("employees").asInt()).isEqualTo(250);
        assertThat(lead.get("attributes").get("employees").asText())
                .as("the second field for employees stays an attribute").isEqualTo("many");
    }

    @Test
    void theFirstFieldWithAValueWinsAndTheOtherStaysAnAttribute() throws Exception {
        String twoPhones = "fields: {Phone: phone, Mobile: phone}";

        ObjectNode onlyMobile = map(twoPhones, "{\"Phone\": \"\", \"Mobile\": \"+44 7700 900123\"}").lead();
        ObjectNode both = map(twoPhones, "{\"Phone\": \"+44 20 7946 0000\", \"Mobile\": \"+44 7700 900123\"}").lead();

        assertThat(onlyMobile.get("phone").asText()).isEqualTo("+44 7700 900123");
        assertThat(both.get("phone").asText()).isEqualTo("+44 20 7946 0000");
        assertThat(both.get("attributes").get("Mobile").asText()).isEqualTo("+44 7700 900123");
    }

    @Test
    void anAttributesObjectIsMergedAndMappedFieldsWin() throws Exception {
        ObjectNode lead = map(WEBINARS, """
                {"Seats": 2, "attributes": {"seats": 9, "campaign": "spring"}}""").lead();

        assertThat(lead.get("attributes").get("seats").asInt()).isEqualTo(2);
        assertThat(lead.get("attributes").get("campaign").asText()).isEqualTo("spring");
    }

    @Test
    void theSourceFieldOfALeadRouterFieldIsKnownForMessages() {
        assertThat(mapping(WEBINARS).sourceFieldOf(LeadField.EMAIL)).contains("E-mail Address");
        assertThat(mapping(WEBINARS).sourceFieldOf(LeadField.EXTERNAL_ID)).isEmpty();
    }

    @Test
    void yesAndNoStayTextInTheFile() throws Exception {
        String flags = """
                fields:
                  Opt In:
                    to: attributes.optIn
                    values: {Y: Yes, N: No}
                """;

        assertThat(map(flags, "{\"Opt In\": \"y\"}").lead().get("attributes").get("optIn").asText()).isEqualTo("Yes");
    }

    @Test
    void anUnknownTargetIsAFaultNamingTheFieldAndTheTargetsThereAre() {
        String fault = fault("fields: {Lead Number: leadNumber}");

        assertThat(fault).contains("fields.'Lead Number'", "unknown target 'leadNumber'", "externalId", "email",
                "attributes.<name>");
    }

    @Test
    void everyFaultOfAFileIsNamedWhereItIs() {
        String fault = fault("""
                nmae: Typo
                contactKeptAtSource: yes
                placeholders: Select
                fields:
                  Seats:
                    to: attributes.seats
                    type: int
                  Employees:
                    to: employees
                    type: boolean
                  Score:
                    to: attributes.score
                    type: integer
                    values: {High: lots}
                  Lead Source: source
                  lead_source: attributes.leadSource
                  Notes: {}
                  Dropped:
                    ignore: true
                    to: company
                  Bare: attributes.
                """);

        assertThat(fault).contains(
                "unknown key 'nmae'",
                "contactKeptAtSource: must be true or false",
                "placeholders: must be a list",
                "fields.'Seats'.type: 'int' is not a type",
                "fields.'Employees'.type: employees is a Lead Router field of type integer",
                "fields.'Score'.values.'High': 'lots' is not a whole number",
                "fields.'lead_source': the same name as 'Lead Source'",
                "fields.'Notes': 'to:' must name the target",
                "fields.'Dropped': 'ignore: true' drops the field",
                "fields.'Bare': name the attribute");
    }

    @Test
    void aFileThatIsNotYamlOrNotAMappingIsAFault() {
        assertThat(fault("fields: [unclosed")).startsWith("not valid YAML");
        assertThat(fault("- just\n- a list")).contains("must be a YAML mapping");
        assertThat(fault("fields:\n  A: email\n  A: phone")).startsWith("not valid YAML").contains("Duplicate");
        assertThat(catchThrowableOfType(InvalidSourceMappingException.class,
                () -> SourceMapping.read("bad id!.source.yaml", "fields: {}".getBytes(StandardCharsets.UTF_8)))
                .faults()).anyMatch(f -> f.contains("source id 'bad id!'"));
    }
}
