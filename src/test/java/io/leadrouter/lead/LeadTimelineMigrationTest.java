package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V18 on a database of V17: reminders, breaches and escalations move from
 * routing_decisions to the lead's timeline in the order they happened, routing decisions are
 * copied there as routed / reassigned / nobody found, and the ends the lead rows hold (merged,
 * closed, outcome) become events too.
 */
class LeadTimelineMigrationTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 5, 15, 0, 0, 0, ZoneOffset.UTC);

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:v18-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @Test
    void stepsMoveToTheTimelineAndRoutingDecisionsStay() {
        migrate("17");
        lead("escalated", "ESCALATED", "team_id = 'east', escalated_to = 'mia.manager'");
        decision("escalated", 1, "round-robin", "ann", "Round-robin in team east: Ann had waited longest");
        decision("escalated", 12, "sla-reminder", null, "Reminder: Ann has until 15:15 to respond");
        decision("escalated", 16, "round-robin", "bob", "Reassigned after the response SLA was breached: Round-robin");
        decision("escalated", 16, "sla-breach", null, "Response SLA breached: Ann did not respond by 15:15");
        decision("escalated", 32, "escalation", null, "Escalated to Mia Manager, manager of Bob: Bob did not respond");
        decision("escalated", 32, "round-robin", null, "No reassignment after the response SLA was breached: nobody");
        decision("escalated", 32, "sla-breach", null, "Response SLA breached: Bob did not respond by 15:31");
        lead("merged", "MERGED", "merged_into = 'escalated', closed_at = ?", T0.plusMinutes(2));
        lead("nurtured", "NURTURE", "qualification_reason = 'Cold lead', closed_at = ?", T0.plusMinutes(1));
        lead("contacted", "CONTACTED", "owner_id = 'cat', team_id = 'west', outcome = 'CONTACTED', "
                + "first_response_at = ?", T0.plusMinutes(5));

        migrate("18");

        assertThat(jdbc.queryForList("select strategy, chosen_rep from routing_decisions order by decided_at"))
                .extracting(row -> row.get("STRATEGY"), row -> row.get("CHOSEN_REP"))
                .containsExactly(tuple("round-robin", "ann"), tuple("round-robin", "bob"), tuple("round-robin", null));
        assertThat(events("escalated")).extracting(row -> row.get("EVENT_TYPE"), row -> row.get("REP_ID"))
                .containsExactly(tuple("ROUTED", "ann"), tuple("REMINDED", "ann"), tuple("SLA_BREACHED", "ann"),
                        tuple("REASSIGNED_AFTER_BREACH", "bob"), tuple("SLA_BREACHED", "bob"),
                        tuple("NO_REP_FOUND", null), tuple("ESCALATED", null));
        assertThat(events("escalated")).extracting(row -> row.get("SUMMARY")).first()
                .isEqualTo("Round-robin in team east: Ann had waited longest");
        assertThat(events("merged")).extracting(row -> row.get("EVENT_TYPE"), row -> row.get("SUMMARY"))
                .containsExactly(tuple("MERGED", "Merged into lead escalated, the open lead of the same person"));
        assertThat(events("nurtured")).extracting(row -> row.get("EVENT_TYPE"), row -> row.get("SUMMARY"))
                .containsExactly(tuple("CLOSED", "Moved to marketing nurture: Cold lead"));
        assertThat(events("contacted")).extracting(row -> row.get("EVENT_TYPE"), row -> row.get("REP_ID"),
                        row -> row.get("TEAM_ID"), row -> row.get("SUMMARY"))
                .containsExactly(tuple("OUTCOME_RECORDED", "cat", "west", "Outcome CONTACTED"));
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target(target).load().migrate();
    }

    private void lead(String id, String status, String set, Object... values) {
        jdbc.update("insert into leads (id, status, received_at) values (?, ?, ?)", id, status, T0);
        jdbc.update("update leads set " + set + " where id = ?", append(values, id));
    }

    private void decision(String leadId, int minute, String strategy, String chosenRep, String summary) {
        jdbc.update("""
                insert into routing_decisions (id, lead_id, decided_at, team_id, strategy, chosen_rep, summary)
                values (?, ?, ?, 'east', ?, ?, ?)""", UUID.randomUUID().toString(), leadId, T0.plusMinutes(minute),
                strategy, chosenRep, summary);
    }

    private List<Map<String, Object>> events(String leadId) {
        return jdbc.queryForList("select * from lead_events where lead_id = ? order by occurred_at, id", leadId);
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }
}
