package io.leadrouter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.leadrouter.engine.Identities;
import io.leadrouter.security.Roles;
import io.leadrouter.team.Rep;
import io.leadrouter.team.RepRepository;
import io.leadrouter.team.RepSettings;
import io.leadrouter.team.Team;
import io.leadrouter.team.TeamRepository;
import io.leadrouter.webapps.EngineAuthorizations;

/**
 * Creates the demo sales organisation on first start of the embedded default, from the CRM
 * sample data set bundled under {@code demo/}: the 35 reps of {@code sales_teams.csv} as
 * Camunda users in their team groups {@code central}, {@code east}, {@code west} (time zones
 * Chicago, New York, Los Angeles; seniority by deals won, top third senior); their 6 managers
 * in {@code managers} and their team; a sales-ops user; and the sales history
 * ({@link DemoHistory}). Every demo password is {@code demo} (the {@code prod} profile refuses
 * to start while any user has it). Runs only with {@code leadrouter.demo.enabled}, before the
 * engine authorizations are set up ({@link EngineAuthorizations}), so that they cover the demo
 * teams too.
 */
@Component
@Order(EngineAuthorizations.ORDER - 1)
@ConditionalOnProperty(name = "leadrouter.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

    private static final String EMAIL_DOMAIN = "@sales.example.com";

    static final String DEMO_PASSWORD = "demo";
    static final String SALES_OPS = Roles.SALES_OPS;
    static final String MANAGERS = Roles.MANAGERS;
    static final String SALES_OPS_USER = "sam.ops";

    private static final Map<String, String> TEAM_TIME_ZONES = Map.of(
            "central", "America/Chicago", "east", "America/New_York", "west", "America/Los_Angeles");

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final TeamRepository teams;
    private final RepRepository reps;
    private final Identities identities;
    private final DemoHistory history;
    private final TransactionTemplate transaction;

    DemoOrganisation(TeamRepository teams, RepRepository reps, Identities identities, DemoHistory history,
                     TransactionTemplate transaction) {
        this.teams = teams;
        this.reps = reps;
        this.identities = identities;
        this.history = history;
        this.transaction = transaction;
    }

    record Member(String firstName, String lastName, String managerName, String team) {

        String userId() {
            return DemoOrganisation.userId(firstName + " " + lastName);
        }
    }

    /** A person's user id: their name in lower case, first.last ({@code mei-mei.johns}). */
    static String userId(String fullName) {
        String[] parts = fullName.trim().toLowerCase(Locale.ROOT).split("\\s+", 2);
        return parts[0] + "." + parts[1].replace(' ', '-');
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (teams.count() > 0) {
            return;
        }
        List<Member> members = readSalesTeams();
        DemoHistory.Pipeline pipeline = DemoHistory.readPipeline();
        transaction.executeWithoutResult(status -> {
            create(members, pipeline);
            history.seed(pipeline);
        });
        log.info("Created the demo organisation: {} reps in {} teams, {} accounts, {} closed deals; "
                        + "every demo password is '{}'", members.size(),
                members.stream().map(Member::team).distinct().count(), pipeline.accounts().size(),
                pipeline.deals().size(), DEMO_PASSWORD);
    }

    static List<Member> readSalesTeams() throws IOException {
        List<Member> members = new ArrayList<>();
        try (InputStream in = new ClassPathResource("demo/sales_teams.csv").getInputStream();
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                String[] name = row.get("sales_agent").trim().split("\\s+", 2);
                members.add(new Member(name[0], name[1], row.get("manager").trim(),
                        row.get("regional_office").trim().toLowerCase(Locale.ROOT)));
            }
        }
        return members;
    }

    private void create(List<Member> members, DemoHistory.Pipeline pipeline) {
        Map<String, String> managerTeams = new LinkedHashMap<>();
        Set<String> teamIds = new LinkedHashSet<>();
        for (Member member : members) {
            teamIds.add(member.team());
            managerTeams.putIfAbsent(member.managerName(), member.team());
        }
        for (String teamId : teamIds) {
            String name = teamId.substring(0, 1).toUpperCase(Locale.ROOT) + teamId.substring(1) + " region";
            teams.save(new Team(teamId, name));
            group(teamId, name);
        }
        group(MANAGERS, "Sales managers");
        group(SALES_OPS, "Sales operations");

        Map<String, Integer> seniority = seniority(members, pipeline.wonDeals());
        for (Member member : members) {
            Rep rep = new Rep(member.userId(), member.firstName(), member.lastName(),
                    member.userId() + EMAIL_DOMAIN, member.team(), userId(member.managerName()));
            rep.update(new RepSettings(null, seniority.get(member.userId()), null, null, null,
                    TEAM_TIME_ZONES.getOrDefault(member.team(), "UTC"), null, null, null, null));
            reps.save(rep);
            user(member.userId(), member.firstName(), member.lastName(), member.team());
        }
        managerTeams.forEach((managerName, team) -> {
            String[] name = managerName.split("\\s+", 2);
            user(userId(managerName), name[0], name[1], MANAGERS, team);
        });
        user(SALES_OPS_USER, "Sam", "Ops", SALES_OPS);
        if (identities.userExists("admin")) {
            membership("admin", SALES_OPS);
        }
    }

    /** Seniority 3 for the top third of each team by deals won, 2 for the middle, 1 for the rest. */
    static Map<String, Integer> seniority(List<Member> members, Map<String, Long> wonDeals) {
        Map<String, List<String>> byTeam = new HashMap<>();
        members.forEach(m -> byTeam.computeIfAbsent(m.team(), t -> new ArrayList<>()).add(m.userId()));
        Map<String, Integer> seniority = new HashMap<>();
        byTeam.values().forEach(ids -> {
            List<String> ranked = ids.stream()
                    .sorted(Comparator.comparingLong((String id) -> wonDeals.getOrDefault(id, 0L)).reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            for (int i = 0; i < ranked.size(); i++) {
                seniority.put(ranked.get(i), i < ranked.size() / 3 ? 3 : i < 2 * ranked.size() / 3 ? 2 : 1);
            }
        });
        return seniority;
    }

    private void group(String id, String name) {
        identities.createGroupIfMissing(id, name, "WORKFLOW");
    }

    private void user(String id, String firstName, String lastName, String... groups) {
        identities.createUserIfMissing(new Identities.UserProfile(id, firstName, lastName, id + EMAIL_DOMAIN),
                DEMO_PASSWORD);
        for (String group : groups) {
            membership(id, group);
        }
    }

    private void membership(String userId, String groupId) {
        identities.addMembershipIfMissing(userId, groupId);
    }
}
