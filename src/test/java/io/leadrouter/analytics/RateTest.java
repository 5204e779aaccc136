package io.leadrouter.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The 95 % Wilson score interval against published values: Newcombe, "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17
 * (1998), table I, method 3 (score interval without continuity correction), and values worked out
 * by hand with z = 1.959964: centre (p + z²/2n) / (1 + z²/n), half-width
 * z·√(p(1-p)/n + z²/4n²) / (1 + z²/n).
 */
class RateTest {

    @Test
    void sevenOfTwentyIsThirtyFivePercentBetween18And57() {
        Rate rate = Rate.of(7, 20);

        assertThat(rate.rate()).isEqualTo(0.35);
        assertThat(rate.low()).isCloseTo(0.1812, within(0.0001));
        assertThat(rate.high()).isCloseTo(0.5671, within(0.0001));
    }

    @Test
    void newcombesFourExamplesGiveHisPublishedIntervals() {
        assertInterval(Rate.of(81, 263), 0.2553, 0.3662);
        assertInterval(Rate.of(15, 148), 0.0624, 0.1605);
        assertInterval(Rate.of(0, 20), 0.0, 0.1611);
        assertInterval(Rate.of(1, 29), 0.0061, 0.1718);
    }

    @Test
    void smallCountsGiveWideIntervalsThatStayBetweenZeroAndOne() {
        assertInterval(Rate.of(4, 10), 0.1682, 0.6873);
        assertInterval(Rate.of(3, 10), 0.1078, 0.6032);
        assertInterval(Rate.of(4, 5), 0.3755, 0.9638);
        assertInterval(Rate.of(3, 6), 0.1876, 0.8124);
        assertInterval(Rate.of(0, 7), 0.0, 0.3543);
        assertInterval(Rate.of(1, 1), 0.2065, 1.0);
    }

    @Test
    void noTrialsHaveNoRate() {
        assertThat(Rate.of(0, 0)).isNull();
    }

    @Test
    void moreSuccessesThanTrialsIsAProgrammingError() {
        assertThatThrownBy(() -> Rate.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInterval(Rate rate, double low, double high) {
        assertThat(rate.low()).as("low").isCloseTo(low, within(0.0001));
        assertThat(rate.high()).as("high").isCloseTo(high, within(0.0001));
    }
}
