package io.leadrouter.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.LeadRouterDriver;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadQualification;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTier;
import io.leadrouter.routing.LeadRouting;
import io.leadrouter.routing.RuleSource;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.RepSettings;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Small teams of their own for SLA tests, leads routed into them, and the engine clock. Every
 * lead a test makes is remembered, and {@link #cleanUp()} deletes its running process instances,
 * so that no timer of one test fires in another.
 */
@Component
public class SlaFixture {

    private static final AtomicInteger TEAMS = new AtomicInteger();
    /** HOT (the source alone scores 70), New York: team east, account owner first, then round-robin. */
    private static final String HOT_NEW_YORK_LEAD = """
            {"firstName": "Ada", "lastName": "Byron", "email": "ada@analytical-engines-%1$s.com",
             "company": "Analytical Engines %1$s", "country": "US", "state": "NY", "industry": "technology",
             "employees": 5000, "annualRevenue": 900000000, "product": "GTX Pro", "source": "Reference"}""";

    private final TeamRepository teams;
    private final RepRepository reps;
    private final LeadRepository leads;
    private final LeadRouting routing;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final LeadRouterDriver driver;
    private final Clock clock;
    private final List<String> created = new ArrayList<>();

    SlaFixture(TeamRepository teams, RepRepository reps, LeadRepository leads, LeadRouting routing,
               RuntimeService runtime, ManagementService management, TransactionTemplate transaction,
               LeadRouterDriver driver, Clock clock) {
        this.teams = teams;
        this.reps = reps;
        this.leads = leads;
        this.routing = routing;
        this.runtime = runtime;
        this.management = management;
        this.transaction = transaction;
        this.driver = driver;
        this.clock = clock;
    }

    /** A new team of reps working around the clock (UTC), whose manager is {@code manager}; rep ids are {@code <name>.<team>}. */
    public String team(String manager, String... names) {
        String teamId = "sla" + TEAMS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        transaction.executeWithoutResult(status -> {
            teams.save(new Team(teamId, "SLA test team " + teamId));
            for (String name : names) {
                Rep rep = new Rep(repId(name, teamId), name, "Test", name + "@" + teamId + ".example.com", teamId,
                        manager);
                rep.update(new RepSettings(null, null, null, null, null, "UTC", "00:00", "23:59",
                        "MON,TUE,WED,THU,FRI,SAT,SUN", null));
                reps.save(rep);
            }
        });
        return teamId;
    }

    public static String repId(String name, String team) {
        return name + "." + team;
    }

    /** A new sales-ready lead of the tier, received now (engine clock). */
    public String lead(String tier) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LeadData data = new LeadData(null, "Lee", unique, "lee@company-" + unique + ".com", null,
                "Company " + unique, null, "US", "CA", null, "technology", 100, null, "GTX Pro", "Reference", null,
                null);
        String id = transaction.execute(status -> {
            Lead lead = leads.save(Lead.receive(data, clock.instant(), null));
            lead.recordScore("HOT".equals(tier) ? 90 : "WARM".equals(tier) ? 50 : 10, LeadTier.valueOf(tier));
            lead.recordQualification(LeadQualification.SALES_READY, "test");
            return lead.getId();
        });
        created.add(id);
        return id;
    }

    /**
     * Routes the lead round-robin in the team, as "Route lead" does for a round-robin rule, and
     * starts its process where routing leaves it: at "Start response clock". Returns the process
     * instance id.
     */
    public String routeAndStart(String leadId, String team) {
        LeadRouting.Outcome outcome = routing.route(new LeadRouting.Command(leadId, "round-robin", List.of(), team,
                null, new RuleSource("Test rule", "routingRules", 1)));
        Map<String, Object> variables = new HashMap<>();
        variables.put("leadId", leadId);
        variables.put("owner", outcome.owner());
        variables.put("team", outcome.team());
        variables.put("strategyChain", "round-robin");
        variables.put("strategy", "round-robin");
        variables.put("strategiesTried", "round-robin");
        variables.put("directRep", null);
        variables.put("routingRule", "Test rule");
        variables.put("routingRuleVersion", 1);
        variables.put("routingReason", outcome.reason());
        return runtime.createProcessInstanceByKey("leadRouting").businessKey(leadId)
                .startBeforeActivity("StartResponseClock").setVariables(variables).execute().getId();
    }

    /** Posts a new HOT lead from New York (a company of its own) to the API; routing waits for the jobs. */
    public String postHotNewYorkLead() {
        String id = driver.submitLead(HOT_NEW_YORK_LEAD.formatted(UUID.randomUUID().toString().substring(0, 8)));
        created.add(id);
        return id;
    }

    public void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public Instant now() {
        return clock.instant();
    }

    /** The due date of the lead's breach timer ("Response SLA breached"). */
    public Instant breachDue(String leadId) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey("leadRouting")
                .processInstanceBusinessKey(leadId).singleResult();
        Job timer = instance == null ? null : management.createJobQuery().processInstanceId(instance.getId())
                .timers().activityId("ResponseSlaBreached").singleResult();
        return timer == null ? null : timer.getDuedate().toInstant();
    }

    /** Deletes the running process instances of every lead made since the last clean-up, and resets the clock. */
    public void cleanUp() {
        for (String leadId : created) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over", true, true));
        }
        created.clear();
        ClockUtil.reset();
    }
}
