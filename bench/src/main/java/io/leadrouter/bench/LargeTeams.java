package io.leadrouter.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code --team-size N} (PostgreSQL only: the app's H2 file is locked by the app): every team of
 * the demo organisation is filled up to N reps, and every rep works around the clock, so that a
 * run at 12 reps a team and one at 1,000 compare routing cost alone, at any time of day. The
 * added reps have no Camunda user; the engine assigns their Work lead tasks all the same.
 */
final class LargeTeams {

    private LargeTeams() {
    }

    static void fill(String jdbcUrl, int teamSize, Consumer<String> out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            List<String[]> teams = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         select t.id, count(r.id), min(r.manager_id) from teams t left join reps r on r.team_id = t.id
                         group by t.id order by t.id""")) {
                while (rows.next()) {
                    teams.add(new String[] {rows.getString(1), Long.toString(rows.getLong(2)), rows.getString(3)});
                }
            }
            int added = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into reps (id, first_name, last_name, email, team_id, manager_id)
                    values (?, 'Bench', ?, ?, ?, ?)""")) {
                for (String[] team : teams) {
                    for (long i = Long.parseLong(team[1]); i < teamSize; i++) {
                        String id = "bench" + i + "." + team[0];
                        insert.setString(1, id);
                        insert.setString(2, "Rep " + i);
                        insert.setString(3, id + "@bench.example.com");
                        insert.setString(4, team[0]);
                        insert.setString(5, team[2]);
                        insert.addBatch();
                        added++;
                    }
                }
                insert.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        update reps set time_zone = 'UTC', work_start = '00:00', work_end = '23:59',
                                        work_days = 'MON,TUE,WED,THU,FRI,SAT,SUN'""");
                statement.execute("analyze reps");
            }
            connection.commit();
            out.accept("Teams filled up to " + teamSize + " reps each (" + added + " reps added to " + teams.size()
                    + " teams), every rep at work around the clock");
        }
    }
}
