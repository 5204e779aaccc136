package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;

import io.leadrouter.DecisionTables;

/**
 * {@code processes/lost-reasons.dmn} as modelers keep it: one row per reason, every row applies,
 * each value once and stored-safe (leads.lost_reason holds 100 characters), each with a label.
 */
class LostReasonsDecisionTest {

    private final DmnDecision decision = DecisionTables.parse("lost-reasons.dmn", LostReasons.DECISION);

    @Test
    void everyReasonHasAValueOfItsOwnAndALabel() {
        List<Map<String, Object>> rows = DecisionTables.ENGINE.evaluateDecisionTable(decision, Map.of())
                .getResultList();

        assertThat(rows).extracting(row -> row.get("value")).containsExactly("PRICE", "COMPETITOR", "TIMING",
                "NO_RESPONSE", "NO_FIT", "OTHER").doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(row -> {
            assertThat((String) row.get("value")).matches("[A-Z0-9_]{1,100}");
            assertThat((String) row.get("label")).isNotBlank();
        });
    }
}
