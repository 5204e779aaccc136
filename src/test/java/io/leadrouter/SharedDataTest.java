package io.leadrouter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    private static final String MISSING = "no-such-data-set/leads.csv";

    @Test
    void aMissingDataSetFailsTheTestOnCi() {
        assertThatThrownBy(() -> SharedData.require(MISSING, true)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI is set").hasMessageContaining(MISSING);
    }

    @Test
    void aMissingDataSetSkipsTheTestInAClone() {
        assertThatThrownBy(() -> SharedData.require(MISSING, false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(MISSING);
    }
}
