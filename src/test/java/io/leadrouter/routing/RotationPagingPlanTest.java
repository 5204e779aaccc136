package io.leadrouter.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;

/**
 * A decision in a large team reads one page of the strategy's order, not the team: H2 reads each
 * paged query's rotation index in order, stops after the page and fetches the page's reps by
 * primary key. Checked on the statements Hibernate sends, with H2's plan of each (EXPLAIN ANALYZE).
 */
@IntegrationTest
class RotationPagingPlanTest {

    private static final int TEAM_SIZE = 1_000;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Autowired
    RepRotationRepository rotations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPagedOrderOfAThousandRepTeamReadsAboutOnePage() {
        String team = "plan-" + System.nanoTime();
        jdbc.update("insert into teams (id, name) values (?, 'Plan')", team);
        List<Object[]> reps = new ArrayList<>();
        for (int i = 0; i < TEAM_SIZE; i++) {
            reps.add(new Object[] {"rep" + i + "." + team, "No " + i, team, 1 + i % 3, i % 2 == 0 ? 5 : null});
        }
        jdbc.batchUpdate("insert into reps (id, first_name, last_name, team_id, seniority, max_open)"
                + " values (?, 'Rep', ?, ?, ?, ?)", reps);
        PageRequest secondPage = PageRequest.of(1, TeamCandidates.PAGE);

        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_TURN", r -> r.findInTurn(team, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_SENIORITY_TURN", r -> r.findBySeniorityInTurn(team, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_TURN", r -> r.findInTurnBelow(team, 4, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_WEIGHTED_TURN", r -> r.findInWeightedTurn(team, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_PERFORMANCE_TURN",
                r -> r.findInPerformanceTurn(team, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_UNCAPPED", r -> r.findUncappedByOpenLeads(team, secondPage));
        assertReadsAboutOnePage(team, "IDX_REP_ROTATION_CAP_HEADROOM", r -> r.findCappedByHeadroom(team, secondPage));
    }

    /** Runs the query with H2 recording statements, then has H2 explain the statement it ran. */
    private void assertReadsAboutOnePage(String team, String index, Consumer<RepRotationRepository> query) {
        List<String> recorded;
        jdbc.execute("set query_statistics false"); // forgets what was recorded before
        jdbc.execute("set query_statistics true");
        try {
            query.accept(rotations);
            recorded = jdbc.queryForList("select sql_statement from information_schema.query_statistics",
                    String.class);
        } finally {
            jdbc.execute("set query_statistics false");
        }
        String sql = recorded.stream().filter(statement -> statement.toLowerCase().contains("from rep_rotation"))
                .findFirst().orElseThrow(() -> new AssertionError("no query of rep_rotation among " + recorded));
        String plan = jdbc.queryForObject("explain analyze " + withParameters(sql, team), String.class);

        assertThat(plan).as(plan).contains(index).contains("/* index sorted */");
        // the second page: 40 index rows, and 40 reps by primary key (H2 counts about two per lookup);
        // sorting the team would read all 1,000
        Matcher scans = SCAN_COUNT.matcher(plan);
        while (scans.find()) {
            assertThat(Integer.parseInt(scans.group(1))).as(plan).isLessThanOrEqualTo(5 * TeamCandidates.PAGE);
        }
    }

    /** The statement with its parameters: the team, then numbers (a seniority, offset, page size). */
    private static String withParameters(String sql, String team) {
        String filled = sql.replaceFirst("\\?", "'" + team + "'");
        List<String> numbers = List.of("4", String.valueOf(TeamCandidates.PAGE), String.valueOf(TeamCandidates.PAGE));
        int placeholders = (int) filled.chars().filter(c -> c == '?').count();
        for (String number : numbers.subList(numbers.size() - placeholders, numbers.size())) {
            filled = filled.replaceFirst("\\?", number);
        }
        return filled;
    }
}
