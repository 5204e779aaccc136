package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.lead.LeadLifecycle;
import io.leadrouter.lead.LeadOutcome;
import io.leadrouter.lead.OutcomeReport;

/**
 * The database keeps each rep's open-lead count ({@code rep_rotation.open_leads}, a trigger on leads)
 * equal to its leads in status ASSIGNED, through routing, reassignment, outcomes, closing,
 * hand-written statements and concurrent transactions. Capacity routing orders reps by it.
 */
@IntegrationTest
class OpenLeadCountTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    LeadRouting routing;
    @Autowired
    LeadLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;

    private long kept(String rep) {
        return jdbc.queryForObject("select open_leads from rep_rotation where rep_id = ?", Long.class, rep);
    }

    private long counted(String rep) {
        return jdbc.queryForObject("select count(*) from leads where owner_id = ? and status = 'ASSIGNED'", Long.class,
                rep);
    }

    private void assertKeptEqualsCounted(String team) {
        for (String rep : jdbc.queryForList("select id from reps where team_id = ?", String.class, team)) {
            assertThat(kept(rep)).as("open leads of %s", rep).isEqualTo(counted(rep));
        }
    }

    @Test
    void theCountFollowsEveryWayALeadOpensAndCloses() {
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String bob = repId("bob", team);
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String lead = fixture.lead();
            fixture.route(lead, RoundRobinStrategy.KEY, team);
            leads.add(lead);
        }
        assertThat(kept(ann) + kept(bob)).isEqualTo(4);

        lifecycle.recordOutcome(leads.get(0), OutcomeReport.of(LeadOutcome.CONTACTED), null, null);
        lifecycle.close(leads.get(1), "DISQUALIFIED", "test");
        String annsLead = jdbc.queryForObject("select id from leads where owner_id = ? and status = 'ASSIGNED' "
                + "fetch first 1 rows only", String.class, ann);
        routing.reassign(new LeadRouting.Command(annsLead, RoundRobinStrategy.KEY, List.of(), team, null,
                new RuleSource("Test rule", RoutingRules.DECISION, 1)));
        jdbc.update("update leads set status = 'ASSIGNED', owner_id = ? where id = ?", ann, leads.get(1));
        jdbc.update("delete from routing_decisions where lead_id = ?", leads.get(3));
        jdbc.update("delete from lead_events where lead_id = ?", leads.get(3));
        jdbc.update("delete from leads where id = ?", leads.get(3));

        assertKeptEqualsCounted(team);
        assertThat(kept(ann) + kept(bob)).isEqualTo(counted(ann) + counted(bob)).isGreaterThan(0);
    }

    @Test
    void concurrentRoutingsAndOutcomesKeepTheCountExact() throws Exception {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"));
        int threads = 8;
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String lead = fixture.lead();
            fixture.route(lead, CapacityStrategy.KEY, team);
            earlier.add(lead);
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String toClose = earlier.get(t);
            done.add(pool.submit(() -> {
                List<String> fresh = List.of(fixture.lead(), fixture.lead(), fixture.lead());
                start.await();
                for (String lead : fresh) {
                    fixture.route(lead, CapacityStrategy.KEY, team);
                }
                lifecycle.recordOutcome(toClose, new OutcomeReport(LeadOutcome.CONVERTED, null, BigDecimal.ONE, null, null),
                        null, null);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertKeptEqualsCounted(team);
        Map<String, Object> total = jdbc.queryForMap(
                "select sum(open_leads) as kept from rep_rotation where team_id = ?", team);
        assertThat(((Number) total.get("kept")).longValue()).isEqualTo(threads * 3);
    }
}
