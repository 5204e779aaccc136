package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leadrouter.security.ApiUser;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
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
        LeadAccess access = new LeadAccess(null, null);

        assertThat(access.mayWork(user("carl.lin", "west"), carlsWestLead)).isTrue();
        assertThat(access.mayWork(user("vicki.laflamme", "west"), carlsWestLead)).isFalse();
        assertThat(access.mayWork(user("celia.rouche", Roles.MANAGERS, "west"), carlsWestLead)).isFalse();
        assertThat(access.mayWork(user("sam.ops", Roles.SALES_OPS), unrouted)).isFalse();
    }

    @Test
    void theOwnerTheTeamsManagersSalesOpsAdminsAndTheSubmitterRecordAnOutcome() {
        LeadAccess access = new LeadAccess(null, null);
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
    void salesOpsAdminsAndTheManagerOfTheLeadsRepReassignItNotAnotherManagerOfTheTeam() {
        ApiUser summer = user("summer.sewald", Roles.MANAGERS, "west");
        ApiUser celia = user("celia.rouche", Roles.MANAGERS, "west");
        Lead escalated = lead("carl.lin", "west", "intake");
        escalated.escalateTo("summer.sewald", "nobody responded", Instant.parse("2026-12-01T11:00:00Z"));
        Lead escalatedToNobody = lead("carl.lin", "west", "intake");
        escalatedToNobody.escalateTo(null, "nobody responded, no manager named", Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(LeadAccess.mayReassign(user("sam.ops", Roles.SALES_OPS), carlsWestLead, null)).isTrue();
        assertThat(LeadAccess.mayReassign(user("admin", Roles.CAMUNDA_ADMIN), eastLead, null)).isTrue();
        assertThat(LeadAccess.mayReassign(summer, carlsWestLead, "summer.sewald")).as("carl's manager").isTrue();
        assertThat(LeadAccess.mayReassign(celia, carlsWestLead, "summer.sewald"))
                .as("another manager of west: carl is not hers").isFalse();
        assertThat(LeadAccess.mayReassign(celia, eastLead, "cara.losch")).isFalse();
        assertThat(LeadAccess.mayReassign(celia, unrouted, null)).isFalse();
        assertThat(LeadAccess.mayReassign(summer, escalated, null)).as("escalated to her").isTrue();
        assertThat(LeadAccess.mayReassign(celia, escalated, null)).isFalse();
        assertThat(LeadAccess.mayReassign(celia, escalatedToNobody, null)).as("any manager of the team claims it")
                .isTrue();
        assertThat(LeadAccess.mayReassign(user("cara.losch", Roles.MANAGERS, "east"), escalatedToNobody, null))
                .isFalse();
        assertThat(LeadAccess.mayReassign(user("summer.sewald", "west"), carlsWestLead, "summer.sewald"))
                .as("named manager, but not in managers").isFalse();
        assertThat(LeadAccess.mayReassign(user("carl.lin", "west"), carlsWestLead, "summer.sewald"))
                .as("not even the owner").isFalse();
        assertThat(LeadAccess.mayReassign(user("vicki.laflamme", "west"), carlsWestLead, "summer.sewald")).isFalse();
        assertThat(LeadAccess.mayReassign(user("intake", Roles.INTAKE), carlsWestLead, "summer.sewald")).isFalse();
    }

    @Test
    void salesOpsAndAdminsGiveALeadToAnyRepAManagerOnlyToTheirOwnReps() {
        LeadAccess access = new LeadAccess(null, null);
        Rep carl = new Rep("carl.lin", "Carl", "Lin", null, "west", "summer.sewald");
        Rep violet = new Rep("violet.mclelland", "Violet", "Mclelland", null, "east", "cara.losch");

        assertThat(access.mayGiveLeadTo(user("sam.ops", Roles.SALES_OPS), violet)).isTrue();
        assertThat(access.mayGiveLeadTo(user("admin", Roles.CAMUNDA_ADMIN), carl)).isTrue();
        assertThat(access.mayGiveLeadTo(user("summer.sewald", Roles.MANAGERS, "west"), carl)).isTrue();
        assertThat(access.mayGiveLeadTo(user("celia.rouche", Roles.MANAGERS, "west"), carl))
                .as("same team, another manager's rep").isFalse();
        assertThat(access.mayGiveLeadTo(user("summer.sewald", Roles.MANAGERS, "west"), violet)).isFalse();
    }

    @Test
    void statisticsPerRepAreAllForSalesOpsTheirOwnRepsForAManagerAndTheirOwnRowForARep() {
        assertThat(LeadAccess.repStatsOf(user("sam.ops", Roles.SALES_OPS), List.of(), List.of())).get()
                .extracting(StatsScope::everything).isEqualTo(true);
        assertThat(LeadAccess.repStatsOf(user("celia.rouche", Roles.MANAGERS, "west"), List.of(WEST),
                List.of("vicki.laflamme", "rosalina.dieter"))).get()
                .satisfies(scope -> {
                    assertThat(scope.everything()).isFalse();
                    assertThat(scope.teams()).as("not the whole team: another manager's reps are in it").isEmpty();
                    assertThat(scope.reps()).containsExactlyInAnyOrder("vicki.laflamme", "rosalina.dieter");
                    assertThat(scope.withoutRep()).as("the team's leads no rep holds").containsExactly("west");
                });
        assertThat(LeadAccess.repStatsOf(user("carl.lin", "west"), List.of(SHARING_WEST), List.of())).get()
                .satisfies(scope -> {
                    assertThat(scope.teams()).as("sharing leads is not sharing figures").isEmpty();
                    assertThat(scope.reps()).isEmpty();
                    assertThat(scope.rep()).isEqualTo("carl.lin");
                });
        assertThat(LeadAccess.repStatsOf(user("carl.lin", "west"), List.of(WEST), List.of("vicki.laflamme"))).get()
                .extracting(StatsScope::reps).as("named their manager, but no member of managers")
                .isEqualTo(Set.of());
        for (ApiUser none : List.of(user("intake", Roles.INTAKE), user("olga.ops", Roles.OPS),
                user("prometheus", Roles.MONITORING))) {
            assertThat(LeadAccess.repStatsOf(none, List.of(), List.of())).as(none.id()).isEmpty();
        }
    }

    @Test
    void aRepsFiguresAreForTheRepTheirManagerSalesOpsAndAdmins() {
        Rep carl = new Rep("carl.lin", "Carl", "Lin", null, "west", "summer.sewald");

        assertThat(LeadAccess.mayReadRep(user("carl.lin", "west"), carl)).isTrue();
        assertThat(LeadAccess.mayReadRep(user("summer.sewald", Roles.MANAGERS, "west"), carl)).isTrue();
        assertThat(LeadAccess.mayReadRep(user("sam.ops", Roles.SALES_OPS), carl)).isTrue();
        assertThat(LeadAccess.mayReadRep(user("celia.rouche", Roles.MANAGERS, "west"), carl)).isFalse();
        assertThat(LeadAccess.mayReadRep(user("vicki.laflamme", "west"), carl)).isFalse();
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
        LeadAccess access = new LeadAccess(null, null);

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
