package io.leadrouter.routing;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadrouter.IntegrationTest;

@IntegrationTest
class WeightedRoundRobinStrategyTest {

    @Autowired
    RoutingFixture fixture;

    @Test
    void repOfWeightTwoGetsTwiceTheLeadsWithinOneLeadAtEveryPoint() {
        String team = fixture.team(rep("ann").weight(2), rep("bob"), rep("cat"));
        Map<String, Double> share = Map.of(repId("ann", team), 0.5, repId("bob", team), 0.25,
                repId("cat", team), 0.25);

        Map<String, Integer> counts = new HashMap<>();
        for (int lead = 1; lead <= 40; lead++) {
            counts.merge(fixture.route(fixture.lead(), "weighted-round-robin", team).owner(), 1, Integer::sum);
            for (var rep : share.entrySet()) {
                assertThat(Math.abs(counts.getOrDefault(rep.getKey(), 0) - lead * rep.getValue()))
                        .as("%s after %d leads", rep.getKey(), lead).isLessThanOrEqualTo(1.0);
            }
        }
        assertThat(counts).containsEntry(repId("ann", team), 20).containsEntry(repId("bob", team), 10)
                .containsEntry(repId("cat", team), 10);
    }

    @Test
    void weightsHoldWhenLeadsAreRoutedFromEightThreadsAtOnce() throws Exception {
        String team = fixture.team(rep("ann").weight(3), rep("bob"), rep("cat").weight(2));
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<String> leads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    leads.add(fixture.lead());
                }
                start.await();
                List<String> owners = new ArrayList<>();
                for (String lead : leads) {
                    owners.add(fixture.route(lead, "weighted-round-robin", team).owner());
                }
                return owners;
            }));
        }
        List<String> owners = new ArrayList<>();
        for (Future<List<String>> result : results) {
            owners.addAll(result.get());
        }
        pool.shutdown();

        Map<String, Long> counts = owners.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(owners).hasSize(48).doesNotContainNull();
        assertThat(counts).containsEntry(repId("ann", team), 24L).containsEntry(repId("bob", team), 8L)
                .containsEntry(repId("cat", team), 16L);
    }

    @Test
    void unavailableRepGetsNothingAndTheOthersKeepTheirRatio() {
        String team = fixture.team(rep("ann").weight(2), rep("bob"), rep("cat"));
        fixture.available(repId("bob", team), false);

        Map<String, Long> counts = fixture.routeMany(30, "weighted-round-robin", team).stream()
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));

        assertThat(counts).doesNotContainKey(repId("bob", team))
                .containsEntry(repId("ann", team), 20L).containsEntry(repId("cat", team), 10L);
    }

    @Test
    void aLargeTeamIsReadInTurnOrderAndEveryRepGetsItsWeightedShare() {
        int size = TeamCandidates.PAGE + 5;
        RoutingFixture.RepSpec[] members = new RoutingFixture.RepSpec[size];
        for (int i = 0; i < size; i++) {
            members[i] = i < 5 ? rep("heavy" + i).weight(2) : rep("rep" + i);
        }
        String team = fixture.team(members);
        int totalWeight = size + 5;

        List<String> owners = fixture.routeMany(2 * totalWeight, WeightedRoundRobinStrategy.KEY, team);

        Map<String, Long> counts = owners.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
        assertThat(counts).hasSize(size);
        for (int i = 0; i < size; i++) {
            String rep = i < 5 ? repId("heavy" + i, team) : repId("rep" + i, team);
            assertThat(counts.get(rep)).as(rep).isEqualTo(i < 5 ? 4L : 2L);
        }
        assertThat(fixture.route(fixture.lead(), WeightedRoundRobinStrategy.KEY, team).reason())
                .contains("was next in turn", "among the first", "of " + size + " reps");
    }

    @Test
    void aRepBackFromAnAbsenceRejoinsTheRotationWithoutACatchUpFlood() {
        String team = fixture.team(rep("ann"), rep("bob"), rep("cat"), rep("dan"));
        String dan = repId("dan", team);
        fixture.routeMany(4, WeightedRoundRobinStrategy.KEY, team);
        fixture.available(dan, false);
        assertThat(fixture.routeMany(12, WeightedRoundRobinStrategy.KEY, team)).doesNotContain(dan);
        fixture.available(dan, true);

        Map<String, Long> next = fixture.routeMany(8, WeightedRoundRobinStrategy.KEY, team).stream()
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));

        // missed 3 turns while away: back with an equal share, neither 3 extra leads nor none
        assertThat(next).hasSize(4).containsEntry(dan, 2L).containsEntry(repId("ann", team), 2L)
                .containsEntry(repId("bob", team), 2L).containsEntry(repId("cat", team), 2L);
    }
}
