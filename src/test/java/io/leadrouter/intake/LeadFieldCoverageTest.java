package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadField.Normalisation;
import io.leadrouter.lead.LeadView;
import io.leadrouter.source.SourceMapping;

/**
 * Walks the declaration of a lead's fields ({@link LeadField}) and proves that every consumer
 * takes every field: the data record, the parser, the normaliser, the source mappings (CSV
 * columns named like a field), the API view and the Review lead form. A field added to the declaration alone fails here until each of them
 * has it.
 */
class LeadFieldCoverageTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** For each way of normalising: a value as sent and as normalised (country empty, so a US state stands alone). */
    private static final Map<Normalisation, List<Object>> NORMALISED = Map.of(
            Normalisation.PLACEHOLDER_DROPPED, Arrays.asList("Select", null),
            Normalisation.LOWER_CASE, List.of("MiXed", "mixed"),
            Normalisation.EMAIL, List.of("Ada.Lovelace@Example.ORG", "ada.lovelace@example.org"),
            Normalisation.PHONE, List.of("+1 (617) 555-0199", "+16175550199"),
            Normalisation.COUNTRY, List.of("United States", "US"),
            Normalisation.US_STATE, List.of("massachusetts", "MA"),
            Normalisation.INDUSTRY, List.of("Technolgy", "technology"),
            Normalisation.PRODUCT, List.of("gtxpro", "GTX Pro"),
            Normalisation.SOURCE, List.of("google", "Google"));

    private static final LeadData CONTACT_ONLY = new LeadData(null, null, null, "ada@example.org", null, null, null,
            null, null, null, null, null, null, null, null, null, null);

    /** A value of the field's kind as the parser returns it. */
    private static Object sample(LeadField field) {
        return switch (field.kind()) {
            case TEXT -> field == LeadField.EMAIL ? "grace@example.org" : "Sample 1";
            case TEXT_OR_NUMBER -> "4155550100";
            case WHOLE_NUMBER -> 12;
            case AMOUNT -> new BigDecimal("1234.50");
            case OBJECT -> "{\"campaign\":\"spring\"}";
        };
    }

    private static LeadData dataWith(LeadField field, Object value) {
        Map<LeadField, Object> change = new EnumMap<>(LeadField.class);
        change.put(field, value);
        return CONTACT_ONLY.with(change);
    }

    @Test
    void theDataRecordHasOneComponentPerFieldInDeclarationOrder() {
        assertThat(Arrays.stream(LeadData.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(Arrays.stream(LeadField.values()).map(LeadField::fieldName).toList());
        for (LeadField field : LeadField.values()) {
            assertThat(field.of(dataWith(field, sample(field)))).as(field.fieldName()).isEqualTo(sample(field));
        }
    }

    @Test
    void theParserAcceptsEveryFieldAndTheEntityKeepsIt() {
        for (LeadField field : LeadField.values()) {
            ObjectNode body = JSON.createObjectNode().put("email", "ada@example.org");
            body.set(field.fieldName(), field.kind() == LeadField.Kind.OBJECT
                    ? readTree((String) sample(field)) : JSON.valueToTree(sample(field)));

            LeadData parsed = LeadSubmissionParser.parse(body);

            assertThat(field.of(parsed)).as(field.fieldName()).isEqualTo(sample(field));
            assertThat(field.of(Lead.receive(parsed, Instant.now(), null))).as(field.fieldName())
                    .isEqualTo(sample(field));
        }
    }

    @Test
    void theNormaliserAppliesEachFieldsDeclaredNormalisation() {
        assertThat(NORMALISED.keySet()).containsAll(Arrays.stream(Normalisation.values())
                .filter(normalisation -> normalisation != Normalisation.AS_GIVEN).toList());
        for (LeadField field : LeadField.values()) {
            List<Object> sentAndNormalised = NORMALISED.getOrDefault(field.normalisation(),
                    List.of(sample(field), sample(field)));
            LeadData normalised = LeadNormaliser.normalise(dataWith(field, sentAndNormalised.get(0))).data();

            assertThat(field.of(normalised)).as(field.fieldName() + " normalised " + field.normalisation())
                    .isEqualTo(sentAndNormalised.get(1));
        }
    }

    @Test
    void aColumnNamedLikeAnyFieldMapsToItThroughTheDefaultMappingAndAnyOtherToAttributes() {
        SourceMapping csv = SourceMappedLeadsTest.shipped(SourceMapping.DEFAULT);
        for (LeadField field : LeadField.values()) {
            if (field.kind() == LeadField.Kind.OBJECT) {
                ObjectNode row = JSON.createObjectNode().put("email", "ada@example.org").put(field.fieldName(), "kept");
                assertThat(LeadSubmissionParser.parse(row, csv).attributes()).as(field.fieldName())
                        .isEqualTo("{\"" + field.fieldName() + "\":\"kept\"}");
                continue;
            }
            String spaced = field.fieldName().replaceAll("([A-Z])", " $1");
            for (String header : List.of(field.fieldName(), field.fieldName().replaceAll("([A-Z])", "_$1").toLowerCase(),
                    Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1))) {
                ObjectNode row = JSON.createObjectNode();
                if (field != LeadField.EMAIL) {
                    row.put("email", "ada@example.org");
                }
                row.put(header, sample(field).toString());

                LeadData data = LeadSubmissionParser.parse(row, csv);

                assertThat(field.of(data)).as("column '" + header + "'").isEqualTo(sample(field));
            }
        }
    }

    @Test
    void theApiViewShowsEveryFieldByItsName() {
        for (LeadField field : LeadField.values()) {
            Lead lead = Lead.receive(dataWith(field, sample(field)), Instant.now(), null);

            JsonNode view = JSON.valueToTree(LeadView.of(lead));

            JsonNode expected = field.kind() == LeadField.Kind.OBJECT ? readTree((String) sample(field))
                    : JSON.valueToTree(sample(field));
            assertThat(view.get(field.fieldName())).as(field.fieldName()).isEqualTo(expected);
        }
    }

    @Test
    void theReviewFormLetsReviewersCorrectExactlyTheDeclaredFieldsWithTheirColumnSizes() throws IOException {
        JsonNode form;
        try (InputStream in = getClass().getResourceAsStream("/review-lead.form")) {
            form = JSON.readTree(in);
        }
        Map<String, Integer> editable = new HashMap<>();
        form.get("components").forEach(component -> {
            if (component.has("key") && !component.path("disabled").asBoolean()
                    && component.get("type").asText().startsWith("text")) {
                editable.put(component.get("key").asText(), component.path("validate").path("maxLength").asInt());
            }
        });

        Map<String, Integer> declared = new HashMap<>();
        LeadField.with(LeadField.Trait.CORRECTED_IN_REVIEW)
                .forEach(field -> declared.put(field.fieldName(), field.maxLength()));
        assertThat(editable).isEqualTo(declared);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException notJson) {
            throw new IllegalArgumentException(notJson);
        }
    }
}
