package io.leadrouter.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.routing.RoutingFixture;

/**
 * Known data for the analytics tests, written straight into the tables the figures are read
 * from: teams of their own whose reps and managers sign in, leads with exactly the outcome,
 * source, tier, score and routing history a test needs, and response clocks.
 */
@Component
public class AnalyticsFixture {

    public static final String PASSWORD = "analytics-test";

    private final RoutingFixture routing;
    private final NamedParameterJdbcTemplate jdbc;
    private final LeadRouterDriver driver;

    AnalyticsFixture(RoutingFixture routing, NamedParameterJdbcTemplate jdbc, LeadRouterDriver driver) {
        this.routing = routing;
        this.jdbc = jdbc;
        this.driver = driver;
    }

    /** A team of reps who are users signing in with {@link #PASSWORD}; rep ids are {@code <name>.<team>}. */
    public String team(RoutingFixture.RepSpec... members) {
        return routing.teamOfUsers(PASSWORD, members);
    }

    /** The manager of the team: in {@code managers} and the team's group. */
    public String manager(String team) {
        return routing.managerOf(team, PASSWORD);
    }

    public TestRestTemplate as(String user) {
        return driver.as(user, PASSWORD);
    }

    /** Sales ops (the demo's). */
    public TestRestTemplate salesOps() {
        return driver.as("sam.ops", "demo");
    }

    /** The answer to a GET that must succeed. */
    public static JsonNode get(TestRestTemplate client, String path) {
        ResponseEntity<JsonNode> answer = client.getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** An answer's list by the value of one field of each element ("" when it has none). */
    public static Map<String, JsonNode> byField(JsonNode list, String field) {
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        list.forEach(element -> byField.put(element.path(field).asText(""), element));
        return byField;
    }

    /** A lead as it stands after routing and work; build with {@link #lead(String)}. */
    public final class LeadRow {
        private final Map<String, Object> columns = new HashMap<>();
        private final String id = UUID.randomUUID().toString();

        private LeadRow(String team) {
            columns.put("id", id);
            columns.put("team", team);
            columns.put("status", "ASSIGNED");
            columns.put("source", null);
            columns.put("tier", null);
            columns.put("conversionProbability", null);
            columns.put("score", null);
            columns.put("owner", null);
            columns.put("escalatedTo", null);
            columns.put("outcome", null);
            columns.put("dealValue", null);
            columns.put("received", null);
            columns.put("firstAssigned", null);
            columns.put("closed", null);
            columns.put("strategy", null);
            columns.put("rule", null);
        }

        public LeadRow owner(String rep) {
            columns.put("owner", rep);
            return this;
        }

        public LeadRow escalatedTo(String manager) {
            columns.put("owner", null);
            columns.put("escalatedTo", manager);
            columns.put("status", "ESCALATED");
            columns.put("strategy", "escalation");
            return this;
        }

        /** A final outcome (CONVERTED, LOST, DISQUALIFIED, NURTURE) or CONTACTED; the status follows. */
        public LeadRow outcome(String outcome) {
            columns.put("outcome", outcome);
            columns.put("status", outcome);
            return this;
        }

        public LeadRow converted(String dealValue) {
            columns.put("dealValue", new BigDecimal(dealValue));
            return outcome("CONVERTED");
        }

        public LeadRow attributes(String source, String tier, Integer score) {
            columns.put("source", source);
            columns.put("tier", tier);
            columns.put("score", score);
            return this;
        }

        /** What the published conversion model gave the lead (0 to 1); null: no model scored it. */
        public LeadRow conversionProbability(Double probability) {
            columns.put("conversionProbability", probability);
            return this;
        }

        public LeadRow received(Instant at) {
            columns.put("received", at);
            return this;
        }

        /** Went to its first rep at that instant (null: never). */
        public LeadRow firstAssigned(Instant at) {
            columns.put("firstAssigned", at);
            return this;
        }

        public LeadRow rule(String rule) {
            columns.put("rule", rule);
            return this;
        }

        /** Stores the lead; its routing decisions come after with {@link #decision}. */
        public String save() {
            Map<String, Object> values = new HashMap<>(columns);
            values.replaceAll((key, value) -> value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC)
                    : value);
            if (values.get("closed") == null && isFinal((String) columns.get("outcome"))) {
                values.put("closed", values.get("firstAssigned"));
            }
            jdbc.update("""
                    insert into leads (id, status, received_at, first_assigned_at, assigned_at, owner_id, team_id,
                                       escalated_to, outcome, deal_value, closed_at, source, tier, score,
                                       conversion_probability, routing_strategy, routing_rule)
                    values (:id, :status, :received, :firstAssigned, :firstAssigned, :owner, :team, :escalatedTo,
                            :outcome, :dealValue, :closed, :source, :tier, :score, :conversionProbability,
                            :strategy, :rule)""", values);
            return id;
        }

        private static boolean isFinal(String outcome) {
            return outcome != null && !"CONTACTED".equals(outcome);
        }
    }

    public LeadRow lead(String team) {
        return new LeadRow(team);
    }

    /** A routing decision of the lead; {@code chosenRep} null when nobody was eligible. */
    public void decision(String leadId, Instant at, String team, String strategy, String rule, String chosenRep) {
        jdbc.update("""
                insert into routing_decisions (id, lead_id, decided_at, rule_name, team_id, strategy, strategies_tried,
                                               chosen_rep, summary)
                values (:id, :lead, :at, :rule, :team, :strategy, :strategy, :rep, 'set up by the test')""",
                values("id", UUID.randomUUID().toString(), "lead", leadId, "at", OffsetDateTime.ofInstant(at,
                        ZoneOffset.UTC), "rule", rule, "team", team, "strategy", strategy, "rep", chosenRep));
    }

    /**
     * A response clock of the rep: started at {@code assignedAt}, with that result and delays in
     * seconds (null: none).
     */
    public void clock(String leadId, String repId, String team, Instant assignedAt, String result, Long routingDelay,
               Long repDelay) {
        jdbc.update("""
                insert into response_clocks (id, lead_id, rep_id, team_id, tier, response_time, assigned_at,
                                             reminder_at, due_at, responded_at, result, routing_delay_seconds,
                                             rep_delay_seconds)
                values (:id, :lead, :rep, :team, 'WARM', 'PT15M', :at, :at, :at, :responded, :result, :routing,
                        :repDelay)""",
                values("id", UUID.randomUUID().toString(), "lead", leadId, "rep", repId, "team", team,
                        "at", OffsetDateTime.ofInstant(assignedAt, ZoneOffset.UTC),
                        "responded", repDelay == null ? null
                                : OffsetDateTime.ofInstant(assignedAt.plusSeconds(repDelay), ZoneOffset.UTC),
                        "result", result, "routing", routingDelay, "repDelay", repDelay));
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }
}
