package io.leadrouter.routing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.leadrouter.engine.Identities;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.lead.LeadTier;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.RepSettings;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;

/**
 * Builds small teams of their own for strategy tests (so tests sharing the database do not
 * disturb each other) and routes leads through {@link LeadRouting} as the process does. Public
 * for the tests of features that show routing (the rep's panel).
 */
@Component
public class RoutingFixture {

    private static final AtomicInteger TEAMS = new AtomicInteger();

    private final TeamRepository teams;
    private final RepRepository reps;
    private final LeadRepository leads;
    private final LeadRouting routing;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Identities identities;

    RoutingFixture(TeamRepository teams, RepRepository reps, LeadRepository leads, LeadRouting routing,
                   TransactionTemplate transaction, Clock clock, Identities identities) {
        this.teams = teams;
        this.reps = reps;
        this.leads = leads;
        this.routing = routing;
        this.transaction = transaction;
        this.clock = clock;
        this.identities = identities;
    }

    /** A rep to create: name and settings. */
    public record RepSpec(String name, RepSettings settings) {

        public static RepSpec rep(String name) {
            return new RepSpec(name, allWeek());
        }

        public RepSpec weight(int weight) {
            return with(new RepSettings(weight, null, null, null, null, null, null, null, null, null));
        }

        public RepSpec seniority(int seniority) {
            return with(new RepSettings(null, seniority, null, null, null, null, null, null, null, null));
        }

        public RepSpec maxOpen(int maxOpen) {
            return with(new RepSettings(null, null, maxOpen, null, null, null, null, null, null, null));
        }

        public RepSpec dailyCap(int cap) {
            return with(new RepSettings(null, null, null, cap, null, null, null, null, null, null));
        }

        public RepSpec weeklyCap(int cap) {
            return with(new RepSettings(null, null, null, null, cap, null, null, null, null, null));
        }

        /** Works all week, all day, in this time zone (its days and weeks start at its midnight). */
        public RepSpec inZone(String timeZone) {
            return with(new RepSettings(null, null, null, null, null, timeZone, null, null, null, null));
        }

        /** Works only on a day that is not today (UTC): outside working hours now. */
        public RepSpec offToday() {
            DayOfWeek other = java.time.LocalDate.now(ZoneOffset.UTC).getDayOfWeek().plus(3);
            return with(new RepSettings(null, null, null, null, null, "UTC", "00:00", "23:59",
                    other.name().substring(0, 3), null));
        }

        private RepSpec with(RepSettings more) {
            return new RepSpec(name, merge(settings, more));
        }

        private static RepSettings allWeek() {
            return new RepSettings(null, null, null, null, null, "UTC", "00:00", "23:59",
                    "MON,TUE,WED,THU,FRI,SAT,SUN", null);
        }

        private static RepSettings merge(RepSettings a, RepSettings b) {
            return new RepSettings(b.weight() != null ? b.weight() : a.weight(),
                    b.seniority() != null ? b.seniority() : a.seniority(),
                    b.maxOpen() != null ? b.maxOpen() : a.maxOpen(),
                    b.dailyCap() != null ? b.dailyCap() : a.dailyCap(),
                    b.weeklyCap() != null ? b.weeklyCap() : a.weeklyCap(),
                    b.timeZone() != null ? b.timeZone() : a.timeZone(),
                    b.workStart() != null ? b.workStart() : a.workStart(),
                    b.workEnd() != null ? b.workEnd() : a.workEnd(),
                    b.workDays() != null ? b.workDays() : a.workDays(),
                    b.active() != null ? b.active() : a.active());
        }
    }

    /** A new team with these reps; rep ids are {@code <name>.<team>}. */
    public String team(RepSpec... members) {
        String teamId = "t" + TEAMS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
        transaction.executeWithoutResult(status -> {
            teams.save(new Team(teamId, "Test team " + teamId));
            for (RepSpec member : members) {
                Rep rep = new Rep(repId(member.name(), teamId), member.name(), "Test", null, teamId, null);
                rep.update(member.settings());
                reps.save(rep);
            }
        });
        return teamId;
    }

    public static String repId(String name, String team) {
        return name + "." + team;
    }

    /** A new team whose reps are Camunda users in the team's group, who sign in with that password. */
    public String teamOfUsers(String password, RepSpec... members) {
        String team = team(members);
        identities.createGroupIfMissing(team, "Test team " + team, "WORKFLOW");
        for (Rep rep : reps.findByTeamIdOrderById(team)) {
            identities.createUserIfMissing(new Identities.UserProfile(rep.getId(), rep.getFirstName(),
                    rep.getLastName(), null), password);
            identities.addMembershipIfMissing(rep.getId(), team);
        }
        return team;
    }

    /** The manager of the team ({@code manager.<team>}): in {@code managers} and the team's group. */
    public String managerOf(String team, String password) {
        String manager = "manager." + team;
        identities.createUserIfMissing(new Identities.UserProfile(manager, "Manager", team, null), password);
        identities.addMembershipIfMissing(manager, "managers");
        identities.addMembershipIfMissing(manager, team);
        return manager;
    }

    /** A new lead with a company of its own, of the given tier and product. */
    public String lead(String tier, String product) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        LeadData data = new LeadData(null, "Lee", unique, "lee@company-" + unique + ".com", null,
                "Company " + unique, null, "US", "CA", null, "technology", 100, null, product, "Reference", null,
                null);
        return transaction.execute(status -> {
            Lead lead = leads.save(Lead.receive(data, clock.instant(), null));
            lead.recordScore("HOT".equals(tier) ? 90 : "WARM".equals(tier) ? 50 : 10, LeadTier.valueOf(tier));
            return lead.getId();
        });
    }

    public String lead() {
        return lead("WARM", "GTX Pro");
    }

    /** A new lead from this company, e-mail and website. */
    String leadFrom(String company, String email, String website) {
        LeadData data = new LeadData(null, "Lee", "Buyer", email, null, company, website, "US", "CA", null,
                "technology", 100, null, "GTX Pro", "Reference", null, null);
        return transaction.execute(status -> {
            Lead lead = leads.save(Lead.receive(data, clock.instant(), null));
            lead.recordScore(50, LeadTier.WARM);
            return lead.getId();
        });
    }

    public LeadRouting.Outcome route(String leadId, String strategy, String team, String... fallback) {
        return routeNamed(leadId, strategy, team, null, fallback);
    }

    /** Routes as a direct rule naming {@code namedRep} does. */
    LeadRouting.Outcome routeNamed(String leadId, String strategy, String team, String namedRep, String... fallback) {
        return routing.route(new LeadRouting.Command(leadId, strategy, List.of(fallback), team, namedRep,
                new RuleSource("Test rule", RoutingRules.DECISION, 1)));
    }

    /** Routes {@code count} new leads one after another and returns the owners in order. */
    public List<String> routeMany(int count, String strategy, String team) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            owners.add(route(lead(), strategy, team).owner());
        }
        return owners;
    }

    public void update(String repId, RepSettings settings) {
        transaction.executeWithoutResult(status -> reps.findById(repId).orElseThrow().update(settings));
    }

    public void available(String repId, boolean available) {
        transaction.executeWithoutResult(status ->
                reps.findById(repId).orElseThrow().setAvailable(available, clock.instant()));
    }
}
