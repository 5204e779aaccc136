package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.IntegrationTest;
import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

/**
 * Routing runs in the transaction of whatever routes the lead (the routing job of the process):
 * when a step after it fails, the assignment, the rep's round-robin turn, assignment count and
 * cap counts roll back with it, and the retry routes the lead afresh as if nothing had happened.
 */
@IntegrationTest
class FailedRoutingRollsBackTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    LeadRouterDriver driver;
    @Autowired
    LeadRepository leads;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TransactionTemplate transaction;

    /** What a step after routing throws, in the routing transaction. */
    static final class StepAfterRoutingFailed extends RuntimeException {
        StepAfterRoutingFailed() {
            super("a step after routing failed");
        }
    }

    @Test
    void theRoundRobinTurnTakenByAFailedRoutingIsGivenAgainOnTheRetry() {
        String team = fixture.team(rep("ann"), rep("bob"));
        String ann = repId("ann", team);
        String lead = fixture.lead();

        routeAndFail(lead, team, ann);

        assertThat(leads.require(lead).getOwnerId()).isNull();
        assertThat(leads.require(lead).getStatus()).isEqualTo(LeadStatus.RECEIVED);
        assertThat(leadsAssigned().get(ann)).isZero();
        // had ann's turn stayed taken, the retry would go to bob
        assertThat(fixture.route(lead, "round-robin", team).owner()).isEqualTo(ann);
        assertThat(leadsAssigned().get(ann)).isEqualTo(1);
        assertThat(fixture.route(fixture.lead(), "round-robin", team).owner()).isEqualTo(repId("bob", team));
    }

    @Test
    void theCapCountsOfAFailedRoutingAreGivenBackSoTheRetryStillFindsTheRep() {
        String team = fixture.team(rep("ann").maxOpen(1).dailyCap(1).weeklyCap(1));
        String ann = repId("ann", team);
        String lead = fixture.lead();

        routeAndFail(lead, team, ann);

        assertThat(leadsAssigned().get(ann)).isZero();
        // had the open lead or the lead given today and this week stayed counted, ann would be at her caps
        assertThat(fixture.route(lead, "round-robin", team).owner()).isEqualTo(ann);
        LeadRouting.Outcome next = fixture.route(fixture.lead(), "round-robin", team);
        assertThat(next.repFound()).as("the caps hold once the routing is committed").isFalse();
        assertThat(next.reason()).contains("none of its 1 reps is eligible (1 at open-lead cap)");
    }

    @Test
    void aRoutingJobWhoseTransactionFailsAfterRoutingRoutesTheLeadAfreshWhenItRunsAgain() {
        String id = driver.submitLead(LeadRoutingEndToEndTest.californiaLead());
        Map<String, Long> assignedBefore = leadsAssigned();
        AtomicReference<String> chosen = new AtomicReference<>();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            driver.runJobs(); // the routing job joins this transaction
            chosen.set(leads.require(id).getOwnerId());
            throw new StepAfterRoutingFailed();
        })).isInstanceOf(StepAfterRoutingFailed.class);

        assertThat(chosen.get()).as("routed in the failed transaction").isNotNull();
        Lead rolledBack = leads.require(id);
        assertThat(rolledBack.getOwnerId()).isNull();
        assertThat(rolledBack.getStatus()).isEqualTo(LeadStatus.RECEIVED);
        assertThat(leadsAssigned()).isEqualTo(assignedBefore);
        assertThat(driver.taskOf(id)).isNull();

        driver.runJobs();

        assertThat(leads.require(id).getOwnerId()).as("the same turn, given afresh").isEqualTo(chosen.get());
        assertThat(leadsAssigned().get(chosen.get())).isEqualTo(assignedBefore.get(chosen.get()) + 1);
        assertThat(driver.taskOf(id).getAssignee()).isEqualTo(chosen.get());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
    }

    /** Routes the lead in a transaction that fails after routing chose {@code expected}. */
    private void routeAndFail(String lead, String team, String expected) {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            assertThat(fixture.route(lead, "round-robin", team).owner()).isEqualTo(expected);
            throw new StepAfterRoutingFailed();
        })).isInstanceOf(StepAfterRoutingFailed.class);
    }

    /** Every rep's assignment count, as the reps API shows it. */
    private Map<String, Long> leadsAssigned() {
        JsonNode reps = driver.admin().getForObject("/api/reps", JsonNode.class);
        return StreamSupport.stream(reps.spliterator(), false)
                .collect(Collectors.toMap(rep -> rep.get("id").asText(), rep -> rep.get("leadsAssigned").asLong()));
    }
}
