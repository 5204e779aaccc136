package io.leadrouter.analytics;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A rate of successes among trials with its 95 % Wilson score interval: the range the true rate
 * lies in with 95 % confidence, which stays inside [0, 1] and stays honest for small counts (2
 * of 3 converted is "somewhere between 21 % and 94 %", not "67 %"). Computed by Apache Commons
 * Math's {@link WilsonScoreInterval}.
 *
 * @param rate successes / trials
 * @param low  lower end of the 95 % interval
 * @param high upper end of the 95 % interval
 */
public record Rate(double rate, double low, double high) {

    /** The confidence level of every interval Lead Router reports. */
    public static final double CONFIDENCE = 0.95;

    /** The rate of {@code successes} among {@code trials}; null when there were no trials (nothing to say). */
    public static Rate of(long successes, long trials) {
        if (trials <= 0) {
            return null;
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes among " + trials + " trials");
        }
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval(Math.toIntExact(trials),
                Math.toIntExact(successes), CONFIDENCE);
        return new Rate((double) successes / trials, Math.max(0, interval.getLowerBound()),
                Math.min(1, interval.getUpperBound()));
    }
}
