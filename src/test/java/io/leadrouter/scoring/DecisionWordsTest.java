package io.leadrouter.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import io.leadrouter.lead.LeadQualification;
import io.leadrouter.lead.LeadTier;

class DecisionWordsTest {

    private static DmnDecisionResultEntriesImpl result(String output, String value) {
        DmnDecisionResultEntriesImpl entries = new DmnDecisionResultEntriesImpl();
        entries.putValue(output, Variables.stringValue(value));
        return entries;
    }

    @Test
    void aKnownWordBecomesLeadRoutersWord() {
        assertThat(DecisionWords.read(LeadTier.class, "leadTier", result("tier", "HOT"), "tier"))
                .isEqualTo(LeadTier.HOT);
        assertThat(DecisionWords.read(LeadQualification.class, "leadQualification",
                result("qualification", "NURTURE"), "qualification")).isEqualTo(LeadQualification.NURTURE);
    }

    @Test
    void aWordAModelerWroteThatJavaDoesNotKnowFailsNamingTheDecisionAndTheWord() {
        assertThatThrownBy(() -> DecisionWords.read(LeadTier.class, "leadTier", result("tier", "TEPID"), "tier"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("leadTier", "'TEPID'", "HOT, WARM, COLD");
        assertThatThrownBy(() -> DecisionWords.read(LeadTier.class, "leadTier", result("tier", "hot"), "tier"))
                .hasMessageContaining("'hot'");
    }

    @Test
    void aRuleWithoutTheOutputGivesNoWord() {
        assertThat(DecisionWords.read(LeadTier.class, "leadTier", result("tier", null), "tier")).isNull();
    }
}
