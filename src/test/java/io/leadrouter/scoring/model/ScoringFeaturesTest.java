package io.leadrouter.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.LeadTier;

/** What a model may know of a lead: what was known at intake, less the leakage guard's names. */
class ScoringFeaturesTest {

    /** The X Education columns that ../shared/data/README.md says staff write after contact, and the outcome. */
    private static final List<String> X_EDUCATION_AFTER_CONTACT = List.of("Tags", "Lead Quality", "Lead Profile",
            "Last Notable Activity", "Asymmetrique Activity Index", "Asymmetrique Profile Index",
            "Asymmetrique Activity Score", "Asymmetrique Profile Score", "Converted");

    private final ScoringFeatures features = new ScoringFeatures(LeakageGuard.shipped());

    static Lead lead(String email, String attributes) {
        return Lead.receive(new LeadData("crm-17", "Ada", "Lovelace", email, "+442071234567", "Analytical Engines",
                "engines.example", "GB", null, "London", "technology", 250, new BigDecimal("1500000.00"), "GTX Pro",
                "Google", "en", attributes), Instant.parse("2026-01-01T00:00:00Z"), null, "crm");
    }

    @Test
    void aLeakingAttributeNeverBecomesAFeatureUnderAnySpelling() {
        Lead lead = lead("ada@gmail.com", """
                {"Tags": "Closed by Horizzon", "leadQuality": "High in Relevance", "lead_profile": "Potential Lead",
                 "Asymmetrique Activity Score": 15, "timeOnSiteSeconds": 600}""");

        assertThat(features.of(lead)).containsKey("timeOnSiteSeconds")
                .doesNotContainKeys("Tags", "leadQuality", "lead_profile", "Asymmetrique Activity Score");
    }

    @Test
    void theShippedGuardNamesEveryColumnTheDataSetSaysLeaksTheOutcome() {
        LeakageGuard guard = LeakageGuard.shipped();

        assertThat(X_EDUCATION_AFTER_CONTACT).allSatisfy(column -> assertThat(guard.excludes(column))
                .as(column).isTrue());
        assertThat(guard.reasonFor("Lead Quality")).contains("after contact");
    }

    @Test
    void identifiersAndContactDataAreNeverFeaturesButTheKindOfEmailIs() {
        assertThat(features.of(lead("ada@gmail.com", "{\"leadNumber\": 660737}")))
                .doesNotContainKeys("externalId", "firstName", "lastName", "email", "phone", "company", "website",
                        "leadNumber")
                .containsEntry("emailKind", "free mail")
                .containsEntry("source", "Google")
                .containsEntry("employees", 250.0)
                .containsEntry("annualRevenue", 1_500_000.0);
        assertThat(features.of(lead("ada@engines.example", null))).containsEntry("emailKind", "company domain");
    }

    @Test
    void whatHappensToALeadAfterIntakeDoesNotChangeItsFeatures() {
        Lead lead = lead("ada@gmail.com", "{\"totalVisits\": 3, \"wantsCourseUpdates\": true}");
        var atIntake = features.of(lead);

        lead.recordScore(90, LeadTier.HOT);
        lead.assignTo("rep-1", "team-1", "round-robin", "rule", "reason", Instant.parse("2026-01-01T01:00:00Z"));
        lead.recordOutcome(LeadOutcome.CONVERTED, "signed", new BigDecimal("5000"), null,
                Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(features.of(lead)).isEqualTo(atIntake)
                .containsEntry("totalVisits", 3.0).containsEntry("wantsCourseUpdates", true);
    }

    @Test
    void anAttributeNamedLikeTheLeadsStateAfterIntakeIsNotAFeature() {
        assertThat(features.of(lead("ada@gmail.com", "{\"Status\": \"Won\", \"owner\": \"rep-1\", \"score\": 80}")))
                .doesNotContainKeys("Status", "owner", "score");
    }

    @Test
    void aGuardEntryWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> LeakageGuard.read("never:\n  tags:\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tags' needs a reason");
    }
}
