package io.leadrouter.scoring.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well predicted conversion probabilities match what happened, in the measures sales ops and
 * the issue compare models by: ROC AUC (how well the probabilities rank converted leads above the
 * others: 0.5 is a coin, 1 a perfect ranking), the Brier score (the mean squared gap between the
 * probability and the outcome: 0 is perfect; always saying the base rate scores rate × (1 − rate)),
 * a calibration table (do leads given 30 % convert 30 % of the time?) and conversion by decile
 * (how much better the top tenth is than the bottom tenth).
 */
public final class Validation {

    static final int BINS = 10;

    private Validation() {
    }

    /** One lead's predicted probability and its outcome. */
    public record Scored(double probability, boolean converted) {
    }

    /** The measures of one set of scored leads. */
    public record Metrics(int leads, int converted, double auc, double brier, List<CalibrationBin> calibration,
                          List<Decile> deciles) {
    }

    /**
     * Leads whose probability fell in {@code [from, to)} (the last bin includes 1): how many, the
     * mean probability given, and the share that converted (NaN for an empty bin).
     */
    public record CalibrationBin(double from, double to, int leads, double meanPredicted, double observedRate) {
    }

    /**
     * One tenth of the leads by predicted probability, 1 the highest: how many, the probability
     * range, the mean probability and the share that converted.
     */
    public record Decile(int decile, int leads, double minPredicted, double maxPredicted, double meanPredicted,
                         double observedRate) {
    }

    public static Metrics of(List<Scored> scored) {
        int converted = (int) scored.stream().filter(Scored::converted).count();
        return new Metrics(scored.size(), converted, auc(scored), brier(scored), calibration(scored), deciles(scored));
    }

    /**
     * The probability that a converted lead, picked at random, gets a higher probability than a
     * lead that did not convert (ties count half): the Mann-Whitney form of the ROC AUC. NaN when
     * either outcome is missing.
     */
    public static double auc(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::probability));
        long positives = sorted.stream().filter(Scored::converted).count();
        long negatives = sorted.size() - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // rank sum of the converted leads, tied probabilities sharing their mean rank
        double rankSum = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).probability() == sorted.get(i).probability()) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (sorted.get(k).converted()) {
                    rankSum += meanRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** The mean of (probability − outcome)², the outcome 1 for converted, 0 otherwise. */
    public static double brier(List<Scored> scored) {
        return scored.stream()
                .mapToDouble(lead -> Math.pow(lead.probability() - (lead.converted() ? 1 : 0), 2))
                .average().orElse(Double.NaN);
    }

    /** Ten bins of equal width over the probability, 0-0.1 to 0.9-1, each with its leads. */
    public static List<CalibrationBin> calibration(List<Scored> scored) {
        int[] leads = new int[BINS];
        int[] converted = new int[BINS];
        double[] predicted = new double[BINS];
        for (Scored lead : scored) {
            int bin = Math.min(BINS - 1, Math.max(0, (int) Math.floor(lead.probability() * BINS)));
            leads[bin]++;
            converted[bin] += lead.converted() ? 1 : 0;
            predicted[bin] += lead.probability();
        }
        return IntStream.range(0, BINS).mapToObj(bin -> new CalibrationBin((double) bin / BINS,
                (double) (bin + 1) / BINS, leads[bin], leads[bin] == 0 ? Double.NaN : predicted[bin] / leads[bin],
                leads[bin] == 0 ? Double.NaN : (double) converted[bin] / leads[bin])).toList();
    }

    /**
     * The leads sorted by probability, highest first, cut into ten groups as equal as they can be
     * (the first {@code n mod 10} groups get one lead more); fewer than ten leads give fewer groups.
     */
    public static List<Decile> deciles(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::probability).reversed());
        List<Decile> deciles = new ArrayList<>();
        int size = sorted.size();
        int start = 0;
        for (int decile = 0; decile < BINS && start < size; decile++) {
            int count = size / BINS + (decile < size % BINS ? 1 : 0);
            if (count == 0) {
                continue;
            }
            List<Scored> group = sorted.subList(start, start + count);
            deciles.add(new Decile(deciles.size() + 1, count,
                    group.stream().mapToDouble(Scored::probability).min().orElseThrow(),
                    group.stream().mapToDouble(Scored::probability).max().orElseThrow(),
                    group.stream().mapToDouble(Scored::probability).average().orElseThrow(),
                    (double) group.stream().filter(Scored::converted).count() / count));
            start += count;
        }
        return deciles;
    }
}
