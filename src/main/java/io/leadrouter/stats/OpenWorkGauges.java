package io.leadrouter.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The open work of the whole installation, read from the database at scrape time:
 * <ul>
 * <li>{@code leadrouter_queue_size{queue}}: the open tasks of sales ops' and managers' queues:
 * {@code review} (Review lead), {@code manual-assignment} (Assign lead manually) and
 * {@code escalated} (Handle escalated lead);</li>
 * <li>{@code leadrouter_leads_open{team, status}}: open leads ({@link LeadStatus#OPEN}) per team and
 * status, every team at zero too; {@code team="none"} are leads not routed yet.</li>
 * </ul>
 * Cluster-wide figures: every node reports the same values, so a dashboard takes {@code max}, not
 * {@code sum}, over the nodes. One grouped query answers them all, at most once per
 * {@code leadrouter.metrics.gauge-ttl} (5 s) however many gauges and scrapers read it, and never
 * in a routing transaction. Its age is measured on the application's (engine's) clock, so that
 * tests that move the clock see fresh figures; a clock that went back counts as stale. A failed
 * query shows as NaN until the next try, one ttl later.
 */
@Component
class OpenWorkGauges implements MeterBinder {

    static final String QUEUE_SIZE = "leadrouter.queue.size";
    static final String OPEN_LEADS = "leadrouter.leads.open";
    static final String NO_TEAM = "none";

    /** Each queue's name and the id of its user task in lead-routing.bpmn. */
    static final Map<String, String> QUEUES = Map.of("review", "ReviewLead", "manual-assignment",
            "AssignLeadManually", "escalated", "HandleEscalatedLead");

    private static final Logger log = LoggerFactory.getLogger(OpenWorkGauges.class);

    /*
     * Camunda's task table is read directly: one statement for everything, and no engine
     * authorization check (the scraper is no engine user).
     */
    private static final String OPEN_WORK = """
            select 'lead' as kind, team_id as name, status, count(*) as n from leads
             where status in (:open) group by team_id, status
            union all
            select 'task', task_def_key_, null, count(*) from act_ru_task
             where task_def_key_ in (:tasks) group by task_def_key_
            union all
            select 'team', id, null, 0 from teams""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Object lock = new Object();
    private Snapshot snapshot;
    private MultiGauge openLeads;
    /** The teams whose open-lead series are registered. */
    private Set<String> shownTeams = Set.of();

    OpenWorkGauges(NamedParameterJdbcTemplate jdbc, Clock clock,
                   @Value("${leadrouter.metrics.gauge-ttl:5s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** What one query read; {@code failed} when it could not be read (every value NaN). */
    record Snapshot(Instant readAt, boolean failed, Map<String, Long> tasks, Map<String, Map<String, Long>> openLeads,
                    Set<String> teams) {

        double queue(String taskKey) {
            return failed ? Double.NaN : tasks.getOrDefault(taskKey, 0L);
        }

        double openLeads(String team, String status) {
            return failed ? Double.NaN : openLeads.getOrDefault(team, Map.of()).getOrDefault(status, 0L);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        QUEUES.forEach((queue, taskKey) -> Gauge.builder(QUEUE_SIZE, this, gauges -> gauges.current().queue(taskKey))
                .description("Open tasks of a sales ops or manager queue, cluster-wide (take max over the nodes)")
                .tag("queue", queue)
                .register(registry));
        openLeads = MultiGauge.builder(OPEN_LEADS)
                .description("Open leads per team and status, cluster-wide (take max over the nodes)")
                .register(registry);
    }

    /** The teams' series exist from the start (the database is migrated by now). */
    @EventListener(ApplicationReadyEvent.class)
    void showTeams() {
        current();
    }

    /** The figures, read again when older than the ttl; a new team's series appear with the read that finds it. */
    Snapshot current() {
        synchronized (lock) {
            Instant now = clock.instant();
            if (snapshot != null && !now.isBefore(snapshot.readAt()) && now.isBefore(snapshot.readAt().plus(ttl))) {
                return snapshot;
            }
            snapshot = read(now);
            if (!snapshot.failed() && !snapshot.teams().equals(shownTeams) && openLeads != null) {
                openLeads.register(rows(snapshot.teams()), false);
                shownTeams = snapshot.teams();
            }
            return snapshot;
        }
    }

    private Snapshot read(Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("open", LeadStatus.OPEN.stream().map(Enum::name).toList())
                .addValue("tasks", List.copyOf(QUEUES.values()));
        Map<String, Long> tasks = new HashMap<>();
        Map<String, Map<String, Long>> leads = new HashMap<>();
        Set<String> teams = new TreeSet<>();
        teams.add(NO_TEAM);
        try {
            jdbc.query(OPEN_WORK, parameters, row -> {
                String name = row.getString("name");
                long count = row.getLong("n");
                switch (row.getString("kind")) {
                    case "task" -> tasks.put(name, count);
                    case "team" -> teams.add(name);
                    default -> {
                        String team = name == null ? NO_TEAM : name;
                        teams.add(team);
                        leads.computeIfAbsent(team, key -> new HashMap<>()).put(row.getString("status"), count);
                    }
                }
            });
        } catch (DataAccessException unreadable) {
            log.warn("The open-work gauges could not be read: {}", unreadable.getMessage());
            return new Snapshot(now, true, Map.of(), Map.of(), snapshot == null ? Set.of() : snapshot.teams());
        }
        return new Snapshot(now, false, tasks, leads, teams);
    }

    private List<MultiGauge.Row<?>> rows(Set<String> teams) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String team : teams) {
            for (LeadStatus status : LeadStatus.OPEN) {
                rows.add(MultiGauge.Row.of(Tags.of("team", team, "status", status.name()), this,
                        gauges -> gauges.current().openLeads(team, status.name())));
            }
        }
        return rows;
    }
}
