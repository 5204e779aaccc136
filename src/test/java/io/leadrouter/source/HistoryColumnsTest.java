package io.leadrouter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The {@code history:} part of a source mapping: which column of the source's export of past
 * leads holds the outcome, which of its values mean converted, and which column orders the leads.
 */
class HistoryColumnsTest {

    private static SourceMapping mapping(String yaml) {
        return SourceMapping.read("crm.source.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String fault(String yaml) {
        return String.join("; ", catchThrowableOfType(InvalidSourceMappingException.class, () -> mapping(yaml))
                .faults());
    }

    @Test
    void theOutcomeColumnAndItsConvertedValuesAreMatchedInAnyCaseAndSpacing() {
        HistoryColumns history = mapping("""
                history:
                  outcome: Converted
                  converted: [1, yes, true]
                  order: Lead Number
                """).history().orElseThrow();

        assertThat(history.order()).isEqualTo("Lead Number");
        assertThat(history.converted(Map.of("converted", " YES "))).contains(true);
        assertThat(history.converted(Map.of("CONVERTED", "1"))).contains(true);
        assertThat(history.converted(Map.of("Converted", "True"))).contains(true);
        assertThat(history.converted(Map.of("Converted", "0"))).contains(false);
        assertThat(history.converted(Map.of("Converted", "lost to a competitor"))).contains(false);
        assertThat(history.converted(Map.of("Converted", "  "))).as("blank: no outcome").isEmpty();
        assertThat(history.converted(Map.of("Stage", "1"))).as("no outcome column").isEmpty();
        assertThat(HistoryColumns.value(Map.of("lead_number", "660737"), "Lead Number")).contains("660737");
    }

    @Test
    void withoutAnOrderColumnTheRowsOfTheFileGiveTheOrder() {
        assertThat(mapping("history: {outcome: Won, converted: [Y]}").history().orElseThrow().order()).isNull();
    }

    @Test
    void aMappingWithoutAHistoryPartHasNone() {
        assertThat(mapping("fields: {E-mail: email}").history()).isEmpty();
    }

    @Test
    void eachFaultOfTheHistoryPartIsNamedWhereItIs() {
        assertThat(fault("history: Converted")).contains("history: must name the outcome column");
        assertThat(fault("history: {converted: [1], ordr: Lead Number}"))
                .contains("history: unknown key 'ordr'", "history.outcome: name the column that holds the outcome");
        assertThat(fault("history: {outcome: Converted}")).contains("history.converted: list the outcome values");
        assertThat(fault("history: {outcome: Converted, converted: 1}")).contains("history.converted: list");
        assertThat(fault("history: {outcome: Converted, converted: [1, {a: b}]}"))
                .contains("history.converted[1]: must be a value");
        assertThat(fault("history: {outcome: '--', converted: [1]}"))
                .contains("history.outcome: a column name needs a letter or a digit");
        assertThat(fault("history: {outcome: [Converted], converted: [1]}")).contains("history.outcome: must be text");
    }
}
