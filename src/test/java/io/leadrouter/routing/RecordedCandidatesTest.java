package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class RecordedCandidatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theChosenAndRankedRepsWereEligibleTheExcludedNot() {
        RecordedCandidates read = RecordedCandidates.of("""
                [{"rep": "bob", "outcome": "CHOSEN", "rank": 1},
                 {"rep": "ann", "outcome": "RANKED", "rank": 2},
                 {"rep": "cy", "outcome": "EXCLUDED", "kind": "UNAVAILABLE"}]""",
                "Round-robin in team east: Bob was next in turn (2 of 3 reps eligible)", JSON);

        assertThat(read.eligible()).containsExactly("bob", "ann");
        assertThat(read.complete()).isTrue();
    }

    @Test
    void aListCutShortOrAPagedTeamIsNotComplete() {
        assertThat(RecordedCandidates.of("""
                [{"rep": "bob", "outcome": "CHOSEN"}, {"outcome": "NOT_LISTED", "count": 12}]""", "", JSON).complete())
                .isFalse();
        assertThat(RecordedCandidates.of("[{\"rep\": \"bob\", \"outcome\": \"CHOSEN\"}]",
                "Round-robin in team east: Bob was next in turn (1" + TeamCandidates.PAGED + "20 of 1000 reps in turn)",
                JSON).complete()).isFalse();
    }

    @Test
    void anUnreadableRecordNamesNobody() {
        assertThat(RecordedCandidates.of("not json", "", JSON)).isEqualTo(new RecordedCandidates(java.util.List.of(),
                false));
        assertThat(RecordedCandidates.of(null, "", JSON).eligible()).isEmpty();
    }
}
