package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Team;

/** The access rules of {@link LeadAccess}, without Spring: who reads, works and reassigns which lead. */
class LeadAccessTest {

    static final Team WEST = team("west", false);
    static final Team EAST = team("east", false);
    static final Team SHARING_WEST = team("west", true);
    static final Team SHARING_EAST = team("east", true);

    final Lead carlsWestLead = lead("carl.lin", "west", "intake");
    final Lead vickisWestLead = lead("vicki.laflamme", "west", "intake");
    final Lead eastLead = lead("violet.mclelland", "east", "intake");
    final Lead unrouted = lead(null, null, "intake");

    @Test
    void salesOpsAndAdminsReadEveryLeadWithContactData() {
        for (ApiUser user : List.of(user("sam.ops", Roles.SALES_OPS), user("admin", Roles.CAMUNDA_ADMIN))) {
            LeadScope scope = LeadAccess.scopeOf(user, List.of());

            assertThat(scope.everyLead()).isTrue();
            for (Lead lead : List.of(carlsWestLead, eastLead, unrouted)) {
                assertThat(scope.includes(lead)).isTrue();
                assertThat(scope.viewOf(lead).data().email()).isNotNull();
            }
        }
    }

    @Test
    void aManagerReadsTheLeadsOfTheirTeamsWithContactDataAndNotOtherTeams() {
        LeadScope celia = LeadAccess.scopeOf(user("celia.rouche", Roles.MANAGERS, "west"), List.of(WEST));

        assertThat(celia.includes(carlsWestLead)).isTrue();
        assertThat(celia.includes(vickisWestLead)).isTrue();
        assertThat(celia.viewOf(vickisWestLead).data().email()).isEqualTo("lead@example.com");
        assertThat(celia.viewOf(vickisWestLead).data().phone()).isEqualTo("+14155550100");
        assertThat(celia.includes(eastLead)).isFalse();
        assertThat(celia.includes(unrouted)).as("not routed to a team yet").isFalse();
    }

    @Test
    void aRepReadsOnlyTheirOwnLeadsWhileTheTeamDoesNotShare() {
        LeadScope carl = LeadAccess.scopeOf(user("carl.lin", "west"), List.of(WEST));

        assertThat(carl.includes(carlsWestLead)).isTrue();
        assertThat(carl.viewOf(carlsWestLead).data().email()).isEqualTo("lead@example.com");
        assertThat(carl.includes(vickisWestLead)).isFalse();
        assertThat(carl.includes(eastLead)).isFalse();
        assertThat(carl.includes(unrouted)).isFalse();
    }

    @Test
    void aRepOfATeamThatSharesReadsTeammatesLeadsWithoutEmailAndPhone() {
        LeadScope carl = LeadAccess.scopeOf(user("carl.lin", "west"), List.of(SHARING_WEST));

        assertThat(carl.includes(vickisWestLead)).isTrue();
        LeadView teammates = carl.viewOf(vickisWestLead);
        assertThat(teammates.data().email()).isNull();
        assertThat(teammates.data().phone()).isNull();
        assertThat(teammates.data().lastName()).isEqualTo("Hopper");
        assertThat(teammates.owner()).isEqualTo("vicki.laflamme");
        assertThat(carl.viewOf(carlsWestLead).data().email()).as("his own lead").isEqualTo("lead@example.com");
        assertThat(carl.includes(eastLead)).as("other teams still not").isFalse();
    }

    @Test
    void anyUserReadsTheLeadsTheySubmittedWithContactData() {
        LeadScope intake = LeadAccess.scopeOf(user("intake", Roles.INTAKE), List.of());
        Lead postedByCarl = lead("violet.mclelland", "east", "carl.lin");

        assertThat(intake.includes(eastLead)).isTrue();
        assertThat(intake.includes(unrouted)).isTrue();
        assertThat(intake.viewOf(eastLead).data().phone()).isEqualTo("+14155550100");
        assertThat(intake.includes(lead("carl.lin", "west", "someone.else"))).isFalse();
        LeadScope carl = LeadAccess.scopeOf(user("carl.lin", "west"), List.of(WEST));
        assertThat(carl.includes(postedByCarl)).isTrue();
        assertThat(carl.viewOf(postedByCarl).data().email()).isEqualTo("lead@example.com");
    }

    @Test
    void opsAndMonitoringReadNoLead() {
        for (ApiUser user : List.of(user("olga.ops", Roles.OPS), user("prometheus", Roles.MONITORING))) {
            LeadScope scope = LeadAccess.scopeOf(user, List.of());

            assertThat(List.of(carlsWestLead, vickisWestLead, eastLead, unrouted)).noneMatch(scope::includes);
        }
    }

    @Test
    void groupsAddUpAndAManagerKeepsContactDataOfTheirOwnTeamWhenItShares() {
        // manager of west (which shares) and a member of sharing east
        LeadScope both = LeadAccess.scopeOf(user("summer.sewald", Roles.MANAGERS, "west", "east"),
                List.of(SHARING_WEST, SHARING_EAST));

        assertThat(both.teamsWithContact()).containsExactlyInAnyOrder("west", "east");
        assertThat(both.teamsWithoutContact()).isEmpty();
        assertThat(both.viewOf(vickisWestLead).data().email()).isNotNull();

        LeadScope repInTwoTeams = LeadAccess.scopeOf(user("rita.two", "west", "east"), List.of(WEST, SHARING_EAST));
        assertThat(repInTwoTeams.includes(eastLead)).isTrue();
        assertThat(repInTwoTeams.viewOf(eastLead).data().email()).isNull();
        assertThat(repInTwoTeams.includes(vickisWestLead)).as("west does not share").isFalse();
    }

    @Test
    void groupsThatAreNoTeamGiveNoLeads() {
        // "managers" without a team group, and groups that are no team, read nothing beyond their own
        LeadScope scope = LeadAccess.scopeOf(user("nora.newhire", Roles.MANAGERS, "book-club"), List.of());

        assertThat(scope.teamsWithContact()).isEmpty();
        assertThat(List.of(carlsWestLead, eastLead, unrouted)).noneMatch(scope::includes);
    }

    @Test
    void onlyTheOwnerWorksALead() {
        LeadAccess access = new LeadAccess(null);

        assertThat(access.mayWork(user("carl.lin", "west"), carlsWestLead)).isTrue();
        assertThat(access.mayWork(user("vicki.laflamme", "west"), carlsWestLead)).isFalse();
        assertThat(access.mayWork(user("celia.rouche", Roles.MANAGERS, "west"), carlsWestLead)).isFalse();
        assertThat(access.mayWork(user("sam.ops", Roles.SALES_OPS), unrouted)).isFalse();
    }

    @Test
    void theOwnerTheTeamsManagersSalesOpsAdminsAndTheSubmitterRecordAnOutcome() {
        LeadAccess access = new LeadAccess(null);
        Lead escalated = lead("carl.lin", "west", "intake");
        escalated.escalateTo("celia.rouche", "nobody responded", Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(access.mayRecordOutcome(user("carl.lin", "west"), carlsWestLead)).isTrue();
        assertThat(access.mayRecordOutcome(user("celia.rouche", Roles.MANAGERS, "west"), carlsWestLead)).isTrue();
        assertThat(access.mayRecordOutcome(user("sam.ops", Roles.SALES_OPS), eastLead)).isTrue();
        assertThat(access.mayRecordOutcome(user("admin", Roles.CAMUNDA_ADMIN), unrouted)).isTrue();
        assertThat(access.mayRecordOutcome(user("intake", Roles.INTAKE), eastLead)).as("who submitted it").isTrue();
        assertThat(access.mayRecordOutcome(user("celia.rouche", Roles.MANAGERS), escalated))
                .as("the manager holding an escalated lead").isTrue();

        assertThat(access.mayRecordOutcome(user("vicki.laflamme", "west"), carlsWestLead)).as("a teammate").isFalse();
        assertThat(access.mayRecordOutcome(user("carl.lin", "west"), escalated)).as("the rep it was taken from")
                .isFalse();
        assertThat(access.mayRecordOutcome(user("celia.rouche", Roles.MANAGERS, "west"), eastLead)).isFalse();
        assertThat(access.mayRecordOutcome(user("other-intake", Roles.INTAKE), eastLead)).isFalse();
        assertThat(access.mayRecordOutcome(user("olga.ops", Roles.OPS), eastLead)).isFalse();
    }

    @Test
    void salesOpsAdminsAndTheManagersOfTheLeadsTeamReassignIt() {
        LeadAccess access = new LeadAccess(null);

        assertThat(access.mayReassign(user("sam.ops", Roles.SALES_OPS), carlsWestLead)).isTrue();
        assertThat(access.mayReassign(user("admin", Roles.CAMUNDA_ADMIN), eastLead)).isTrue();
        assertThat(access.mayReassign(user("celia.rouche", Roles.MANAGERS, "west"), carlsWestLead)).isTrue();
        assertThat(access.mayReassign(user("celia.rouche", Roles.MANAGERS, "west"), eastLead)).isFalse();
        assertThat(access.mayReassign(user("celia.rouche", Roles.MANAGERS, "west"), unrouted)).isFalse();
        assertThat(access.mayReassign(user("carl.lin", "west"), carlsWestLead)).as("not even the owner").isFalse();
        assertThat(access.mayReassign(user("vicki.laflamme", "west"), carlsWestLead)).isFalse();
        assertThat(access.mayReassign(user("intake", Roles.INTAKE), carlsWestLead)).isFalse();
    }

    @Test
    void salesOpsAndAdminsGiveALeadToAnyRepAManagerOnlyToTheRepsOfTheirTeams() {
        LeadAccess access = new LeadAccess(null);

        assertThat(access.mayGiveLeadTo(user("sam.ops", Roles.SALES_OPS), "east")).isTrue();
        assertThat(access.mayGiveLeadTo(user("admin", Roles.CAMUNDA_ADMIN), "west")).isTrue();
        assertThat(access.mayGiveLeadTo(user("celia.rouche", Roles.MANAGERS, "west"), "west")).isTrue();
        assertThat(access.mayGiveLeadTo(user("celia.rouche", Roles.MANAGERS, "west"), "east")).isFalse();
    }

    @Test
    void statisticsPerRepAreAllForSalesOpsTheTeamsForAManagerAndTheirOwnRowForARep() {
        assertThat(LeadAccess.repStatsOf(user("sam.ops", Roles.SALES_OPS), List.of())).get()
                .extracting(StatsScope::everything).isEqualTo(true);
        assertThat(LeadAccess.repStatsOf(user("celia.rouche", Roles.MANAGERS, "west"), List.of(WEST))).get()
                .satisfies(scope -> {
                    assertThat(scope.everything()).isFalse();
                    assertThat(scope.teams()).containsExactly("west");
                });
        assertThat(LeadAccess.repStatsOf(user("carl.lin", "west"), List.of(SHARING_WEST))).get()
                .satisfies(scope -> {
                    assertThat(scope.teams()).as("sharing leads is not sharing figures").isEmpty();
                    assertThat(scope.rep()).isEqualTo("carl.lin");
                });
        for (ApiUser none : List.of(user("intake", Roles.INTAKE), user("olga.ops", Roles.OPS),
                user("prometheus", Roles.MONITORING))) {
            assertThat(LeadAccess.repStatsOf(none, List.of())).as(none.id()).isEmpty();
        }
    }

    @Test
    void statisticsPerTeamAreAllForSalesOpsAndTheTeamsForAManagerAndNothingForReps() {
        assertThat(LeadAccess.teamStatsOf(user("admin", Roles.CAMUNDA_ADMIN), List.of())).get()
                .extracting(StatsScope::everything).isEqualTo(true);
        assertThat(LeadAccess.teamStatsOf(user("celia.rouche", Roles.MANAGERS, "west"), List.of(WEST))).get()
                .extracting(StatsScope::teams).isEqualTo(Set.of("west"));
        assertThat(LeadAccess.teamStatsOf(user("carl.lin", "west"), List.of(SHARING_WEST))).isEmpty();
        assertThat(LeadAccess.teamStatsOf(user("intake", Roles.INTAKE), List.of())).isEmpty();
    }

    @Test
    void anImportIsReadByItsSubmitterAndAdminsOnly() {
        LeadAccess access = new LeadAccess(null);

        assertThat(access.mayReadImport(user("intake", Roles.INTAKE), "intake")).isTrue();
        assertThat(access.mayReadImport(user("admin", Roles.CAMUNDA_ADMIN, Roles.SALES_OPS), "intake")).isTrue();
        assertThat(access.mayReadImport(user("sam.ops", Roles.SALES_OPS), "intake")).isFalse();
        assertThat(access.mayReadImport(user("celia.rouche", Roles.MANAGERS, "west"), "intake")).isFalse();
        assertThat(access.mayReadImport(user("carl.lin", "west"), null)).as("an import from before").isFalse();
    }

    static ApiUser user(String id, String... groups) {
        return new ApiUser(id, Arrays.asList(groups));
    }

    static Team team(String id, boolean shares) {
        Team team = new Team(id, id);
        team.shareLeads(shares);
        return team;
    }

    static Lead lead(String owner, String team, String submittedBy) {
        Lead lead = Lead.receive(new LeadData(null, "Grace", "Hopper", "lead@example.com", "+14155550100",
                "Navy Systems", null, "US", "CA", null, null, null, null, null, null, null, null),
                Instant.parse("2026-12-01T10:00:00Z"), submittedBy);
        if (owner != null) {
            lead.assignTo(owner, team, "round-robin", "California", "next in turn",
                    Instant.parse("2026-12-01T10:00:01Z"));
        }
        return lead;
    }
}
