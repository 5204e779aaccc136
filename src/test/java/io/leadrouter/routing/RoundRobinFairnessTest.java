package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;

/**
 * Round-robin under concurrent intake: threads and barriers, no sleeps. Each lead comes from
 * its own company, so sticky account-owner routing (tried first by the territory rules) finds
 * no owner and round-robin decides.
 */
@IntegrationTest
class RoundRobinFairnessTest {

    static final String NEW_YORK_LEAD = """
            {"email": "buyer@metro-retail-%d.com", "company": "Metro Retail %d", "country": "US", "state": "NY",
             "industry": "retail", "employees": 1200, "annualRevenue": 400000000, "product": "GTX Plus Pro",
             "source": "Reference"}""";

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    ManagementService management;
    @Autowired
    LeadRepository leads;
    @Autowired
    RepRepository reps;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void everyoneBack() {
        driver.allRepsAvailable();
    }

    @Test
    void twentyLeadsArrivingAtOnceAreSharedWithinOneAndAnAwayRepGetsNone() throws Exception {
        Rep away = reps.findById("boris.faz").orElseThrow();
        away.setAvailable(false, java.time.Instant.now());
        reps.save(away);
        List<String> eligible = reps.findByTeamIdOrderById("east").stream()
                .filter(rep -> rep.isActive() && rep.isAvailable()).map(Rep::getId).toList();

        List<String> ids = postConcurrently(20, 8);
        List<Job> jobs = ids.stream()
                .map(id -> management.createJobQuery().processInstanceId(leads.require(id).getProcessInstanceId())
                        .singleResult())
                .toList();
        driver.runJobsConcurrently(jobs, 4);

        Map<String, Long> shares = ids.stream().map(leads::require)
                .collect(Collectors.groupingBy(Lead::getOwnerId, Collectors.counting()));
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);
        assertThat(shares).doesNotContainKey("boris.faz");
        assertThat(eligible).containsAll(shares.keySet());
        assertThat(shares).hasSize(eligible.size()); // 20 leads, 11 reps: everybody gets one or two
        assertThat(spread(shares.values())).isLessThanOrEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(driver.taskOf(id).getAssignee())
                .isEqualTo(leads.require(id).getOwnerId()));
    }

    @Test
    void rotationContinuesFromTheTurnStampsInTheDatabaseAsAPreviousRunLeftThem() {
        // the turn stamps are all the state round-robin has: set them as a previous run left them
        List<Rep> central = reps.findByTeamIdOrderById("central");
        for (int i = 0; i < central.size(); i++) {
            jdbc.update("update rep_rotation set rr_ticket = ? where rep_id = ?", 1_000 + i, central.get(i).getId());
        }
        String longestWaiting = central.get(0).getId();
        jdbc.update("update rep_rotation set rr_ticket = 5 where rep_id = ?", central.get(3).getId());
        jdbc.update("update team_rotation set rr_sequence = ? where team_id = 'central'", 1_000 + central.size());

        String first = driver.submitLead(TEXAS_LEAD.formatted(1, 1));
        driver.runJobs();
        String second = driver.submitLead(TEXAS_LEAD.formatted(2, 2));
        driver.runJobs();

        assertThat(leads.require(first).getOwnerId()).isEqualTo(central.get(3).getId());
        assertThat(leads.require(second).getOwnerId()).isEqualTo(longestWaiting);
    }

    @Test
    void everyRepOfATeamGetsOneLeadBeforeAnyoneGetsASecond() {
        int teamSize = reps.findByTeamIdOrderById("central").size();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < teamSize; i++) {
            ids.add(driver.submitLead(TEXAS_LEAD.formatted(100 + i, 100 + i)));
        }
        driver.runJobs();

        Map<String, Long> shares = ids.stream().map(leads::require)
                .collect(Collectors.groupingBy(Lead::getOwnerId, Collectors.counting()));
        assertThat(shares).hasSize(teamSize);
        assertThat(shares.values()).containsOnly(1L);
    }

    static final String TEXAS_LEAD = """
            {"email": "it@lone-star-energy-%d.com", "company": "Lone Star Energy %d", "country": "US",
             "state": "TX", "industry": "technology", "employees": 3000, "annualRevenue": 700000000,
             "product": "GTX Pro", "source": "Reference"}""";

    private List<String> postConcurrently(int count, int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> posted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                posted.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = first; i < count; i += threads) {
                        long unique = System.nanoTime() + i;
                        mine.add(driver.submitLead(NEW_YORK_LEAD.formatted(unique, unique)));
                    }
                    return mine;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> future : posted) {
                ids.addAll(future.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long spread(Collection<Long> shares) {
        return shares.stream().mapToLong(Long::longValue).max().orElse(0)
                - shares.stream().mapToLong(Long::longValue).min().orElse(0);
    }

}
