package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadrouter.team.Rep;

/** An exclusion is a kind and a detail: the reason reads as before, and summaries count kinds. */
class ExclusionTest {

    private static Assessment leftOut(Exclusion why) {
        return new Assessment(new Rep("rep." + System.nanoTime(), "Rep", "Test", null, "team", null), why, true);
    }

    @Test
    void theReasonIsTheKindInWordsFollowedByItsDetail() {
        assertThat(Exclusion.Kind.UNAVAILABLE.plain().reason()).isEqualTo("marked unavailable");
        assertThat(Exclusion.Kind.OPEN_LEAD_CAP.because("(3 of 3)").reason()).isEqualTo("at open-lead cap (3 of 3)");
        assertThat(Exclusion.Kind.ABSENT.because("until 2026-12-24T00:00:00Z (vacation)").reason())
                .isEqualTo("out of office until 2026-12-24T00:00:00Z (vacation)");
    }

    @Test
    void aSummaryCountsTheExclusionsByKindWhateverTheirDetail() {
        List<Assessment> assessed = List.of(
                leftOut(Exclusion.Kind.ABSENT.because("until 2026-12-24T00:00:00Z (vacation)")),
                leftOut(Exclusion.Kind.ABSENT.because("until 2027-01-02T00:00:00Z")),
                leftOut(Exclusion.Kind.UNAVAILABLE.plain()),
                leftOut(Exclusion.Kind.OPEN_LEAD_CAP.because("(3 of 3)")),
                leftOut(Exclusion.Kind.OPEN_LEAD_CAP.because("(5 of 4)")),
                leftOut(Exclusion.Kind.OUTSIDE_WORKING_HOURS.because("(09:00-17:00 UTC) while colleagues are working")),
                leftOut(null));

        assertThat(TeamCandidates.exclusions(assessed)).isEqualTo(
                " (2 at open-lead cap, 1 marked unavailable, 2 out of office, 1 outside working hours)");
        assertThat(TeamCandidates.exclusions(List.of(leftOut(null)))).isEmpty();
    }
}
