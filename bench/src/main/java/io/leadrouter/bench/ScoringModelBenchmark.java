package io.leadrouter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.leadrouter.intake.XEducationHistory;
import io.leadrouter.lead.Lead;
import io.leadrouter.scoring.model.Algorithm;
import io.leadrouter.scoring.model.ConversionModel;
import io.leadrouter.scoring.model.ConversionModelTraining;
import io.leadrouter.scoring.model.Explanation;
import io.leadrouter.scoring.model.LabelledLead;
import io.leadrouter.scoring.model.LeakageGuard;
import io.leadrouter.scoring.model.ScoringFeatures;

/**
 * What predictive scoring costs per lead (issue 16: at most 1 ms of CPU): a conversion model
 * trained on the X Education leads ({@code ../shared/data}), scoring the newest fifth of them one
 * lead at a time as Score lead will, by each algorithm: the probability alone, and the probability
 * with its five strongest factors. The CPU time of the benchmark thread per lead is printed beside
 * JMH's average time; XGBoost predicts on that thread (one thread per model).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringModelBenchmark {

    @Param({"LOGISTIC_REGRESSION", "GRADIENT_BOOSTED_TREES"})
    String algorithm;

    private ConversionModel model;
    private List<Lead> leads;
    private int next;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private long operations;

    @Setup(Level.Trial)
    public void train() {
        List<LabelledLead> history = XEducationHistory.labelledLeads();
        ConversionModelTraining.Result trained =
                new ConversionModelTraining(new ScoringFeatures(LeakageGuard.shipped())).train(history);
        model = trained.candidates().stream()
                .filter(candidate -> candidate.card().algorithm() == Algorithm.valueOf(algorithm))
                .findFirst().orElseThrow();
        leads = history.subList((int) (history.size() * 0.8), history.size()).stream().map(LabelledLead::lead)
                .toList();
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        cpuNanos = 0;
        operations = 0;
    }

    @TearDown(Level.Iteration)
    public void reportCpuTime() {
        if (operations > 0) {
            System.out.printf(" [cpu %s: %.1f us/lead over %d leads]%n", algorithm, cpuNanos / 1000.0 / operations,
                    operations);
        }
    }

    @Benchmark
    public double probability() {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try {
            return model.probability(leads.get(next++ % leads.size()));
        } finally {
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
            operations++;
        }
    }

    @Benchmark
    public Explanation probabilityWithFactors() {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try {
            return model.explain(leads.get(next++ % leads.size()), 5);
        } finally {
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
            operations++;
        }
    }
}
