package io.leadrouter.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

/**
 * One person, one open lead: leads of one e-mail address end as one routed lead and the others
 * merged into it, whatever order they are received, committed and routed in.
 */
@IntegrationTest
class OnePersonOneOpenLeadTest {

    @Autowired
    LeadRouterDriver driver;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    LeadRepository leads;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** A Californian sales-ready lead of this address (routed round-robin in team west). */
    static String leadOf(String email, String externalId) {
        return """
                {"externalId": "%s", "firstName": "Ada", "lastName": "Byron", "email": "%s",
                 "company": "Analytical Engines", "country": "US", "state": "CA", "industry": "software",
                 "employees": 900, "annualRevenue": 80000000, "product": "GTX Plus Pro", "source": "Reference"}"""
                .formatted(externalId, email);
    }

    @Test
    void concurrentLeadsOfOnePersonEndAsOneRoutedLeadWithTheOthersMergedIntoIt() throws Exception {
        int threads = 8;
        int perThread = 8;
        for (int round = 0; round < 3; round++) {
            String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@analytical-engines.com";
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<String>>> posted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                posted.add(pool.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>();
                    // each thread routes its lead as soon as it is in, while other threads still post:
                    // leads are received, committed and routed in every order
                    for (int i = 0; i < perThread; i++) {
                        String id = driver.submitLead(leadOf(email, email + "-" + thread + "-" + i));
                        management.executeJob(management.createJobQuery()
                                .processInstanceId(leads.require(id).getProcessInstanceId()).singleResult().getId());
                        ids.add(id);
                    }
                    return ids;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<List<String>> future : posted) {
                ids.addAll(future.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();

            assertThat(ids).hasSize(threads * perThread).doesNotHaveDuplicates();
            assertOneOpenLeadWithTheOthersMergedIntoIt(ids);
        }
    }

    @Test
    void theLeadRoutedFirstStaysTheOpenLeadWhateverTheOthersReceivedTimes() {
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@navy-systems.com";
        Instant now = Instant.now();
        String second = driver.submitLead(leadOf(email, email + "-2"));
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(1)));
        String third = driver.submitLead(leadOf(email, email + "-3"));
        route(third);
        // received before both, committed after one of them was routed
        ClockUtil.setCurrentTime(Date.from(now.minusSeconds(60)));
        String first = driver.submitLead(leadOf(email, email + "-1"));
        ClockUtil.reset();

        route(second);
        route(first);

        assertThat(leads.require(third).getStatus()).isEqualTo(LeadStatus.ASSIGNED);
        assertOneOpenLeadWithTheOthersMergedIntoIt(List.of(first, second, third));
    }

    @Test
    void aPersonWhoseLeadIsClosedGetsANewOpenLead() {
        String email = "alan-" + UUID.randomUUID().toString().substring(0, 8) + "@bletchley-park.co.uk";
        String first = driver.submitLead(leadOf(email, email + "-1"));
        route(first);
        driver.complete(driver.taskOf(first), Map.of("outcome", "LOST", "lostReason", "COMPETITOR"));
        assertThat(leads.require(first).getStatus()).isEqualTo(LeadStatus.LOST);

        String again = driver.submitLead(leadOf(email, email + "-2"));
        route(again);

        assertThat(leads.require(again).getStatus()).isEqualTo(LeadStatus.ASSIGNED);
        assertThat(leads.require(again).getMergedInto()).isNull();
    }

    private void route(String leadId) {
        management.executeJob(management.createJobQuery().processInstanceId(leads.require(leadId)
                .getProcessInstanceId()).singleResult().getId());
    }

    private void assertOneOpenLeadWithTheOthersMergedIntoIt(List<String> ids) {
        List<Lead> all = ids.stream().map(leads::require).toList();
        List<Lead> assigned = all.stream().filter(lead -> lead.getStatus() == LeadStatus.ASSIGNED).toList();
        assertThat(assigned).as("leads assigned to a rep").hasSize(1);
        Lead open = assigned.get(0);
        assertThat(open.getOwnerId()).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(open.getId()).list())
                .singleElement().satisfies(task -> {
                    assertThat(task.getTaskDefinitionKey()).isEqualTo("WorkLead");
                    assertThat(task.getAssignee()).isEqualTo(open.getOwnerId());
                });
        List<Lead> others = all.stream().filter(lead -> !lead.getId().equals(open.getId())).toList();
        assertThat(others).allSatisfy(lead -> {
            assertThat(lead.getStatus()).isEqualTo(LeadStatus.MERGED);
            assertThat(lead.getMergedInto()).isEqualTo(open.getId());
            assertThat(lead.getOwnerId()).isNull();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(lead.getId()).list()).isEmpty();
        });
    }
}
