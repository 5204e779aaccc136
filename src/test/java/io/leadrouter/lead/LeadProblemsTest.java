package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A lead keeps its soft problems with their codes; only the review policy's hold puts it in review. */
class LeadProblemsTest {

    private static Lead lead() {
        return Lead.receive(new LeadData(null, "Ada", null, "ada@example.org", null, null, null, null, null, null,
                null, null, null, null, null, null, null), Instant.now(), null);
    }

    @Test
    void problemsAreKeptWithTheirCodesInTheOrderFound() {
        Lead lead = lead();
        List<LeadProblem.Found> found = List.of(LeadProblem.NO_COMPANY.found("No company name"),
                LeadProblem.UNKNOWN_COUNTRY.found("Unknown country 'Nar\nnia'"));

        lead.markProblems(found);

        assertThat(lead.problems()).containsExactly(LeadProblem.NO_COMPANY.found("No company name"),
                LeadProblem.UNKNOWN_COUNTRY.found("Unknown country 'Nar nia'"));
        assertThat(lead.getProblems()).isEqualTo("No company name\nUnknown country 'Nar nia'");
    }

    @Test
    void problemsAloneHoldNothingUpTheReviewPolicysHoldDoes() {
        Lead lead = lead();
        lead.markProblems(List.of(LeadProblem.NO_COMPANY.found("No company name")));
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.RECEIVED);

        lead.holdForReview();
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.IN_REVIEW);

        lead.markProblems(List.of());
        lead.acceptReview();
        assertThat(lead.getStatus()).isEqualTo(LeadStatus.RECEIVED);
        assertThat(lead.problems()).isEmpty();
        assertThat(lead.getProblems()).isNull();
    }
}
