package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;
import io.leadrouter.team.RepRepository;

/** 200 leads posted from 8 threads at once, then routed by 4 job threads at once. */
@IntegrationTest
class ConcurrentIntakeTest {

    static final String[][] TERRITORIES = {{"CA", "west"}, {"NY", "east"}, {"TX", "central"}};

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    LeadRepository leads;
    @Autowired
    RepRepository reps;

    @Test
    void everyLeadIsRoutedOnceAndRoundRobinSharesStayWithinOne() throws Exception {
        int threads = 8;
        int perThread = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> posted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            posted.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String[] territory = TERRITORIES[(thread * perThread + i) % TERRITORIES.length];
                    ids.add(driver.submitLead("""
                            {"email": "cio@firm-%d-%d.com", "company": "Firm %d-%d", "country": "US", "state": "%s",
                             "industry": "software", "employees": 900, "annualRevenue": 80000000,
                             "product": "GTX Plus Pro", "source": "Reference"}"""
                            .formatted(thread, i, thread, i, territory[0])));
                }
                return ids;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> future : posted) {
            ids.addAll(future.get());
        }
        pool.shutdown();
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();

        List<Job> jobs = ids.stream().map(id -> management.createJobQuery()
                .processInstanceId(leads.require(id).getProcessInstanceId()).singleResult()).toList();
        driver.runJobsConcurrently(jobs, 4);

        List<Lead> routed = ids.stream().map(leads::require).toList();
        assertThat(routed).allSatisfy(lead -> {
            assertThat(lead.getStatus()).isEqualTo(LeadStatus.ASSIGNED);
            assertThat(lead.getOwnerId()).isNotNull();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(lead.getId()).list())
                    .singleElement().satisfies(task -> assertThat(task.getAssignee()).isEqualTo(lead.getOwnerId()));
        });
        for (String[] territory : TERRITORIES) {
            String team = territory[1];
            Map<String, Long> shares = routed.stream().filter(lead -> team.equals(lead.getTeamId()))
                    .collect(Collectors.groupingBy(Lead::getOwnerId, Collectors.counting()));
            long teamSize = reps.findByTeamIdOrderById(team).size();
            assertThat(shares.keySet()).as("team %s", team).hasSize((int) Math.min(teamSize,
                    shares.values().stream().mapToLong(Long::longValue).sum()));
            assertThat(shares.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                    - shares.values().stream().mapToLong(Long::longValue).min().orElseThrow())
                    .as("round-robin spread in team %s: %s", team, shares).isLessThanOrEqualTo(1);
        }
    }
}
