package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadStatus;

@IntegrationTest
class CapacityStrategyTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    LeadRepository leads;

    private long open(String rep) {
        return leads.countOpenByOwner(List.of(rep)).stream().mapToLong(row -> ((Number) row[1]).longValue()).sum();
    }

    @Test
    void repWithMostHeadroomGetsTheLeadAndCapsAreNeverExceeded() {
        String team = fixture.team(rep("ann").maxOpen(2), rep("bob").maxOpen(4));

        List<String> owners = fixture.routeMany(6, "capacity", team);

        assertThat(owners.get(0)).isEqualTo(repId("bob", team)); // headroom 4 beats 2
        assertThat(open(repId("ann", team))).isEqualTo(2);
        assertThat(open(repId("bob", team))).isEqualTo(4);
        LeadRouting.Outcome seventh = fixture.route(fixture.lead(), "capacity", team, "round-robin");
        assertThat(seventh.repFound()).isFalse();
        assertThat(seventh.reason()).contains("capacity:", "round-robin:", "none of its 2 reps is eligible (2 at open-lead cap)",
                "the lead waits for manual assignment");
    }

    @Test
    void closedLeadsFreeCapacityAgain() {
        String team = fixture.team(rep("ann").maxOpen(1));
        String first = fixture.lead();
        fixture.route(first, "capacity", team);
        assertThat(fixture.route(fixture.lead(), "capacity", team).repFound()).isFalse();

        leads.findById(first).ifPresent(lead -> {
            lead.recordOutcome(io.leadrouter.lead.LeadOutcome.CONTACTED, null, java.time.Instant.now());
            leads.save(lead);
        });

        assertThat(leads.findById(first).orElseThrow().getStatus()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(fixture.route(fixture.lead(), "capacity", team).owner()).isEqualTo(repId("ann", team));
    }

    @Test
    void repBackFromAbsenceCatchesUpByAtMostTwoExtraLeads() {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"));
        String cat = repId("cat", team);
        fixture.available(cat, false);
        fixture.routeMany(12, "capacity", team); // ann and bob: 6 open leads each, cat none
        fixture.available(cat, true);

        assertCatchesUpByAtMostTwoExtraLeads(fixture.routeMany(12, "capacity", team), cat);
    }

    /**
     * Of 12 leads for three reps, the returning rep gets never more than an equal share of the
     * leads since coming back plus two at any point, more than an equal share in all (5 or 6, not
     * all 12), and the first two (the returning rep is not starved either).
     */
    static void assertCatchesUpByAtMostTwoExtraLeads(List<String> owners, String returning) {
        long got = 0;
        for (int lead = 1; lead <= owners.size(); lead++) {
            if (owners.get(lead - 1).equals(returning)) {
                got++;
            }
            assertThat(got).as("%s after %d leads", returning, lead).isLessThanOrEqualTo(lead / 3 + 2);
        }
        assertThat(got).as("catches up: more than an equal share, not all").isBetween(5L, 6L);
        assertThat(owners.subList(0, 2)).containsOnly(returning);
    }

    @Test
    void aLargeTeamIsReadInHeadroomOrderSoTheRepWithMostHeadroomGetsTheLeadWhereverItStands() {
        int size = TeamCandidates.PAGE + 5;
        RoutingFixture.RepSpec[] members = new RoutingFixture.RepSpec[size];
        for (int i = 0; i < size; i++) {
            // zed sorts last by user id, on the second page of 20, and has the largest cap
            members[i] = i == size - 1 ? rep("zed").maxOpen(4) : rep(String.format("rep%02d", i)).maxOpen(3);
        }
        String team = fixture.team(members);

        List<String> owners = fixture.routeMany(size + 1, "capacity", team);

        // zed first (headroom 4), then everyone else at headroom 3, then zed again (3 against 2)
        assertThat(owners.get(0)).isEqualTo(repId("zed", team));
        assertThat(owners.subList(1, size)).doesNotContain(repId("zed", team)).doesNotHaveDuplicates();
        assertThat(owners.get(size)).isEqualTo(repId("zed", team));
        assertThat(fixture.route(fixture.lead(), "capacity", team).reason())
                .contains("had the most headroom", "among the first", "of " + size + " reps by headroom");
    }

    @Test
    void aLargeTeamMergesRepsWithAndWithoutACapOfTheirOwnByHeadroom() {
        int size = TeamCandidates.PAGE + 5;
        RoutingFixture.RepSpec[] members = new RoutingFixture.RepSpec[size];
        for (int i = 0; i < size - 1; i++) {
            members[i] = rep(String.format("rep%02d", i)); // no cap of their own: the default 25
        }
        members[size - 1] = rep("zed").maxOpen(27);
        String team = fixture.team(members);

        List<String> owners = fixture.routeMany(size + 2, "capacity", team);

        // zed (headroom 27, then 26) twice; then everyone at 25 by fewest open leads; then zed at 25 against 24
        assertThat(owners.subList(0, 2)).containsOnly(repId("zed", team));
        assertThat(owners.subList(2, size + 1)).doesNotContain(repId("zed", team)).doesNotHaveDuplicates();
        assertThat(owners.get(size + 1)).isEqualTo(repId("zed", team));
    }
}
