package io.leadrouter.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.LeadRouterApplication;
import io.leadrouter.routing.LeadRouting;
import io.leadrouter.routing.RuleSource;

/**
 * One routing decision per operation, by each strategy, with 10, 100 and 1,000 reps in the
 * lead's team and 10,000 reps in the organisation, through the application's real Spring beans
 * on H2 (in memory, the app's Flyway schema), so the strategies' queries and their indexes are
 * what is measured. An operation is {@link LeadRouting#route} with everything it writes flushed,
 * then rolled back, so every operation sees the same state (the cost of commit itself is the
 * raw-commit baseline's business, see the load harness).
 *
 * <p>Each rep has open leads and leads given today, half have a daily cap, and all have a
 * conversion record, so caps, counts and rates are all read; the weighted and performance
 * rotations are under way (every rep placed within a step of the clock).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 15, time = 4)
@Measurement(iterations = 5, time = 4)
public class RoutingBenchmark {

    static final int ORG_SIZE = 10_000;
    static final String TEAM = "bench";

    @Param({"round-robin", "weighted-round-robin", "priority", "performance", "capacity", "direct", "account-owner"})
    String strategy;

    @Param({"10", "100", "1000"})
    int teamSize;

    private ConfigurableApplicationContext context;
    private LeadRouting routing;
    private TransactionTemplate transaction;
    private EntityManager entityManager;
    private final List<String> leads = new ArrayList<>();
    private String namedRep;
    private int next;

    @Setup(Level.Trial)
    public void start() {
        // command-line arguments: they override application.yaml
        context = new SpringApplicationBuilder(LeadRouterApplication.class).run(
                "--server.port=0", // the engine's REST starter needs a servlet context
                // the statement cache of the app's own H2 URL (application.yaml)
                "--spring.datasource.url=jdbc:h2:mem:routing-bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256"
                        + System.getProperty("bench.h2-options", ""),
                "--camunda.bpm.job-execution.enabled=false",
                "--leadrouter.demo.enabled=false",
                "--leadrouter.decisions.warm-up-evaluations=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        routing = context.getBean(LeadRouting.class);
        transaction = context.getBean(TransactionTemplate.class);
        entityManager = SharedEntityManagerCreator.createSharedEntityManager(context.getBean(EntityManagerFactory.class));
        seed(context.getBean(JdbcTemplate.class));
    }

    /** The lead's team of {@code teamSize} reps, other teams up to 10,000 reps, their leads and records. */
    private void seed(JdbcTemplate jdbc) {
        Random random = new Random(1);
        Instant now = Instant.now();
        List<Object[]> teams = new ArrayList<>();
        List<Object[]> reps = new ArrayList<>();
        teams.add(new Object[] {TEAM, "Benchmark team"});
        for (int i = 0; i < teamSize; i++) {
            reps.add(rep("rep" + i + "." + TEAM, TEAM, i, random));
        }
        int others = ORG_SIZE - teamSize;
        for (int team = 0; others > 0; team++) {
            String id = "org" + team;
            teams.add(new Object[] {id, "Organisation team " + team});
            for (int i = 0; i < 1000 && others > 0; i++, others--) {
                reps.add(rep("rep" + i + "." + id, id, i, random));
            }
        }
        jdbc.batchUpdate("insert into teams (id, name) values (?, ?)", teams);
        jdbc.batchUpdate("""
                insert into reps (id, first_name, last_name, team_id, weight, seniority, daily_cap,
                                  time_zone, work_start, work_end, work_days)
                values (?, ?, ?, ?, ?, ?, ?, 'UTC', '00:00', '23:59', 'MON,TUE,WED,THU,FRI,SAT,SUN')""",
                reps.stream().map(rep -> Arrays.copyOf(rep, 7)).toList());
        // rotations under way (rows the database made with the reps and teams): every rep's place
        // within one step past the team's clock
        jdbc.batchUpdate(
                "update rep_rotation set rr_ticket = ?, weighted_turn = ?, performance_turn = ? where rep_id = ?",
                reps.stream().map(rep -> new Object[] {rep[7], rep[8], rep[9], rep[0]}).toList());
        jdbc.update("update team_rotation set weighted_clock = ?, performance_clock = ?", CLOCK, CLOCK);

        // each rep of the org: 3 open leads, 3 leads given today, a conversion record for the product
        List<Object[]> openLeads = new ArrayList<>();
        List<Object[]> given = new ArrayList<>();
        List<Object[]> performance = new ArrayList<>();
        for (Object[] rep : reps) {
            String repId = (String) rep[0];
            for (int i = 0; i < 3; i++) {
                String leadId = UUID.randomUUID().toString();
                openLeads.add(new Object[] {leadId, repId, rep[3], Timestamp.from(now.minus(2, ChronoUnit.HOURS))});
                given.add(new Object[] {UUID.randomUUID().toString(), leadId, Timestamp.from(now.minus(1,
                        ChronoUnit.HOURS)), rep[3], repId});
            }
            performance.add(new Object[] {repId, random.nextInt(20), random.nextInt(20)});
        }
        jdbc.batchUpdate("""
                insert into leads (id, status, owner_id, team_id, received_at, email, company, tier, score)
                values (?, 'ASSIGNED', ?, ?, ?, 'someone@customer.com', 'Customer', 'WARM', 50)""", openLeads);
        jdbc.batchUpdate("""
                insert into routing_decisions (id, lead_id, decided_at, team_id, strategy, chosen_rep, summary)
                values (?, ?, ?, ?, 'round-robin', ?, 'seeded')""", given);
        jdbc.batchUpdate("""
                insert into rep_performance (rep_id, dimension, dimension_value, wins, losses)
                values (?, 'product', 'GTX Pro', ?, ?)""", performance);

        namedRep = "rep" + (teamSize / 2) + "." + TEAM;
        String account = UUID.randomUUID().toString();
        jdbc.update("insert into accounts (id, name, name_key, sector, owner_id) values (?, ?, ?, ?, ?)",
                account, "Bench Account Corp", "bench account", "technology", namedRep);
        // a domain from the account's own record: one that routes (V17)
        jdbc.update("insert into account_domains (domain, account_id, source) values (?, ?, 'RECORD')",
                "benchaccount.com", account);
        for (int i = 0; i < 100; i++) {
            String id = UUID.randomUUID().toString();
            jdbc.update("""
                    insert into leads (id, status, received_at, email, email_domain, company, website, product,
                                       industry, tier, score, country)
                    values (?, 'RECEIVED', ?, ?, 'benchaccount.com', 'Bench Account Corp', 'benchaccount.com',
                            'GTX Pro', 'technology', ?, ?, 'US')""",
                    id, Timestamp.from(now), "buyer" + i + "@benchaccount.com", i % 2 == 0 ? "HOT" : "WARM",
                    i % 2 == 0 ? 80 : 50);
            leads.add(id);
        }
    }

    private static Object[] rep(String id, String team, int i, Random random) {
        int weight = 1 + random.nextInt(3);
        return new Object[] {id, "Rep", "No " + i, team, weight, 1 + random.nextInt(3),
                i % 2 == 0 ? 1000 : null, (long) random.nextInt(1000), CLOCK + random.nextDouble() / weight,
                CLOCK + 2 * random.nextDouble()};
    }

    /** Virtual time of the seeded rotations (weighted round-robin, performance). */
    private static final double CLOCK = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuNanos;
    private long operations;

    @Setup(Level.Iteration)
    public void startCounting() {
        cpuNanos = 0;
        operations = 0;
    }

    /**
     * CPU time per decision of the benchmark thread (H2 runs in it too): unlike the average
     * time, it hardly moves when other processes compete for the cores, so the growth from 10
     * to 1,000 reps can be read on a busy machine too.
     */
    @TearDown(Level.Iteration)
    public void reportCpuTime() {
        if (operations > 0) {
            System.out.printf(" [cpu %s %d reps: %.1f us/op over %d ops]%n", strategy, teamSize,
                    cpuNanos / 1000.0 / operations, operations);
        }
    }

    @Benchmark
    public LeadRouting.Outcome route() {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        try {
            return decide();
        } finally {
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuBefore;
            operations++;
        }
    }

    private LeadRouting.Outcome decide() {
        String lead = leads.get(next++ % leads.size());
        return transaction.execute(status -> {
            LeadRouting.Outcome outcome = routing.route(new LeadRouting.Command(lead, strategy, List.of(), TEAM,
                    namedRep, new RuleSource("Benchmark rule", "routingRules", 1)));
            entityManager.flush();
            status.setRollbackOnly();
            if (outcome.owner() == null) {
                throw new IllegalStateException(strategy + " found nobody: " + outcome.reason());
            }
            return outcome;
        });
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
