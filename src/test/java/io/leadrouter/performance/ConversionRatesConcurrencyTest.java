package io.leadrouter.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;

/**
 * Outcomes recorded at the same moment all count: reps close deals in parallel, and a lost
 * update or a duplicate first row would skew performance routing or fail a Record outcome job.
 */
@IntegrationTest
class ConversionRatesConcurrencyTest {

    @Autowired
    ConversionRates rates;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousFirstOutcomesOfARepAreAllCounted() throws Exception {
        String rep = jdbc.queryForObject("select id from reps order by id fetch first 1 rows only", String.class);
        String fresh = UUID.randomUUID().toString();
        int[] allBefore = counts(rep, "all", "*");
        int threads = 8;
        int perThread = 5;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean won = t % 2 == 0;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    rates.record(rep, "product " + fresh, "sector " + fresh, won);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        int each = threads / 2 * perThread;
        assertThat(counts(rep, "product", "product " + fresh)).containsExactly(each, each);
        assertThat(counts(rep, "sector", "sector " + fresh)).containsExactly(each, each);
        assertThat(counts(rep, "all", "*")).containsExactly(allBefore[0] + each, allBefore[1] + each);
    }

    private int[] counts(String rep, String dimension, String value) {
        List<int[]> rows = jdbc.query(
                "select wins, losses from rep_performance where rep_id = ? and dimension = ? and dimension_value = ?",
                (row, n) -> new int[] {row.getInt(1), row.getInt(2)}, rep, dimension, value);
        return rows.isEmpty() ? new int[2] : rows.get(0);
    }
}
