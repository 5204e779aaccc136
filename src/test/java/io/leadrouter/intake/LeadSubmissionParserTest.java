package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadrouter.lead.LeadData;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

class LeadSubmissionParserTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode body(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void readsEveryFieldAndKeepsAttributesAsGiven() throws Exception {
        LeadData data = LeadSubmissionParser.parse(body("""
                {"externalId": 9001, "firstName": " Ada ", "lastName": "Lovelace", "email": "ada@example.org",
                 "phone": 4420794600, "company": "Engines", "website": "engines.example", "country": "UK",
                 "state": null, "city": "London", "industry": "software", "employees": 12,
                 "annualRevenue": 1500000.75, "product": "GTX Basic", "source": "Reference", "language": "en",
                 "attributes": {"campaign": "x", "nested": {"a": 1}}}"""));

        assertThat(data.externalId()).isEqualTo("9001");
        assertThat(data.firstName()).isEqualTo("Ada");
        assertThat(data.phone()).isEqualTo("4420794600");
        assertThat(data.state()).isNull();
        assertThat(data.employees()).isEqualTo(12);
        assertThat(data.annualRevenue()).isEqualByComparingTo("1500000.75");
        assertThat(data.attributes()).isEqualTo("{\"campaign\":\"x\",\"nested\":{\"a\":1}}");
    }

    @Test
    void namesEveryBadFieldAtOnce() throws Exception {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> LeadSubmissionParser.parse(body("""
                        {"email": "two@@at.com", "company": ["A"], "employees": 12.5, "annualRevenue": "1M",
                         "attributes": "none", "language": "a-very-long-language-tag-indeed", "Email": "x"}""")));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "Email", "company", "employees", "annualRevenue", "attributes", "language", "email");
        assertThat(invalid.getMessage()).startsWith("7 fields are invalid");
    }

    @Test
    void attributesNestedDeeperThan32LevelsAreRejectedSoEveryStoredLeadCanBeAnsweredInAPage() throws Exception {
        String deepest = "{\"a\": ".repeat(32) + "1" + "}".repeat(32);
        String tooDeep = "{\"a\": ".repeat(33) + "1" + "}".repeat(33);

        assertThat(LeadSubmissionParser.parse(body("{\"phone\": \"+1 555 0100\", \"attributes\": " + deepest + "}"))
                .attributes()).startsWith("{\"a\":{");
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class, () -> LeadSubmissionParser
                .parse(body("{\"phone\": \"+1 555 0100\", \"attributes\": " + tooDeep + "}")));
        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("attributes");
    }

    @Test
    void phoneAloneIsEnoughToContactALead() throws Exception {
        assertThat(LeadSubmissionParser.parse(body("{\"phone\": \"+1 555 0100\"}")).phone())
                .isEqualTo("+1 555 0100");
    }

    @Test
    void placeholderEmailDoesNotCountAsContact() throws Exception {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> LeadSubmissionParser.parse(body("{\"email\": \"Select\", \"company\": \"A\"}")));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("email", "phone");
    }

    @Test
    void negativeOrHugeEmployeeCountsAreRejected() throws Exception {
        for (String employees : new String[] {"-1", "3000000000"}) {
            InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                    () -> LeadSubmissionParser.parse(body("{\"phone\": \"5550100\", \"employees\": " + employees + "}")));
            assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("employees");
        }
    }

    @Test
    void aValueThatOutgrowsItsColumnOnceNormalisedIsRejectedNamingTheField() throws Exception {
        // "İ" lower-cases to two characters: 15 of them are 15 characters as sent, 30 as stored
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> LeadSubmissionParser.parse(body("{\"email\": \"a@b.co\", \"language\": \"" + "İ".repeat(15)
                        + "\", \"website\": \"" + "İ".repeat(300) + "\"}")));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("language", "website");
        assertThat(invalid.errors()).extracting(FieldError::message)
                .contains("must be at most 20 characters once normalised (it is 30)");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRejectedWhereverTheyAre() throws Exception {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> LeadSubmissionParser.parse(body("""
                        {"email": "a@b.co", "firstName": "Gr\\u0000ace", "city": "\\ud800",
                         "attributes": {"note": "\\udc00"}}""")));

        assertThat(invalid.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("firstName", "city", "attributes");
    }

    @Test
    void revenuePastTheDoubleRangeIsNamedWithoutExceptionText() throws Exception {
        for (String revenue : new String[] {"1e309", "-1e309", "1e17", "99999999999999999.995", "-1"}) {
            InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                    () -> LeadSubmissionParser.parse(body("{\"phone\": \"5550100\", \"annualRevenue\": " + revenue + "}")));

            assertThat(invalid).as(revenue).isNotNull();
            assertThat(invalid.errors()).containsExactly(new FieldError("annualRevenue",
                    "must be a number from 0 to 99999999999999999.99 (annual revenue in USD, kept in cents)"));
        }
    }

    @Test
    void revenueIsRoundedToCents() throws Exception {
        assertThat(LeadSubmissionParser.parse(body("{\"phone\": \"5550100\", \"annualRevenue\": 1234.565}"))
                .annualRevenue()).isEqualTo(new java.math.BigDecimal("1234.57"));
        assertThat(LeadSubmissionParser.parse(body("{\"phone\": \"5550100\", \"annualRevenue\": 1e-320}"))
                .annualRevenue()).isEqualTo(new java.math.BigDecimal("0.00"));
    }
}
