package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.leadrouter.routing.OpenLeadCountTrigger;

/**
 * The database counts a rep's open leads with a trigger (rep_rotation.open_leads): on H2 it calls
 * {@link OpenLeadCountTrigger}, which reads {@link LeadStatus#AWAITING_REP}; on PostgreSQL it is
 * PL/pgSQL, which cannot, and spells the statuses out. These must say the same. So must the
 * repository's queries that spell statuses out as literals (a list parameter would make Hibernate
 * translate them on every call).
 */
class OpenLeadDefinitionTest {

    private static final Pattern STATUS_EQUALS = Pattern.compile("status\\s*=\\s*'(\\w+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS_IN = Pattern.compile("status\\s+in\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENUM_LITERAL = Pattern.compile("LeadStatus\\.(\\w+)");
    private static final Pattern VERSION = Pattern.compile("^V(\\d+)(?:_(\\d+))?__");

    @Test
    void postgresqlsTriggerCountsExactlyTheStatusesOfARepsOpenWorkload() throws IOException {
        String trigger = latestMigrationDefining("postgresql", "function leads_count_open");

        Set<String> counted = new TreeSet<>();
        Matcher equals = STATUS_EQUALS.matcher(trigger);
        while (equals.find()) {
            counted.add(equals.group(1));
        }
        Matcher in = STATUS_IN.matcher(trigger);
        while (in.find()) {
            Arrays.stream(in.group(1).split(",")).map(s -> s.trim().replace("'", "")).forEach(counted::add);
        }

        assertThat(counted).as("statuses in the PostgreSQL trigger")
            .isEqualTo(LeadStatus.AWAITING_REP.stream().map(LeadStatus::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void h2sTriggerIsTheJavaClassThatReadsTheDefinition() throws IOException {
        assertThat(latestMigrationDefining("h2", "trigger leads_count_open"))
            .contains("'" + OpenLeadCountTrigger.class.getName() + "'");
    }

    @Test
    void eachDefinitionIsItsOwn() {
        assertThat(LeadStatus.OPEN).containsExactlyInAnyOrder(LeadStatus.RECEIVED, LeadStatus.IN_REVIEW,
            LeadStatus.ASSIGNED, LeadStatus.ESCALATED, LeadStatus.CONTACTED);
        assertThat(LeadStatus.AWAITING_REP).containsExactly(LeadStatus.ASSIGNED);
        assertThat(LeadStatus.WORKED_BY_REP).containsExactlyInAnyOrder(LeadStatus.ASSIGNED, LeadStatus.CONTACTED);
        assertThat(LeadStatus.OPEN).allMatch(LeadStatus::isOpen);
        assertThat(LeadStatus.MERGED.isOpen()).isFalse();
        assertThat(LeadStatus.CONTACTED.isAwaitingRep()).isFalse();
    }

    @Test
    void theRepositorysQueriesAskExactlyTheStatusesTheirNamesSay() throws NoSuchMethodException {
        assertThat(statusesIn(LeadRepository.class.getMethod("findOpenLeadOfPerson", String.class, String.class)
            .getAnnotation(Query.class))).as("a person's open lead").isEqualTo(names(LeadStatus.OPEN));
        assertThat(statusesIn(LeadRepository.class.getMethod("findWorkedLeadsOfDomainInTeam", String.class,
            String.class, String.class, Pageable.class).getAnnotation(Query.class)))
            .as("a lead a rep works").isEqualTo(names(LeadStatus.WORKED_BY_REP));
    }

    private static Set<String> statusesIn(Query query) {
        Set<String> statuses = new TreeSet<>();
        Matcher literal = ENUM_LITERAL.matcher(query.value());
        while (literal.find()) {
            statuses.add(literal.group(1));
        }
        return statuses;
    }

    private static Set<String> names(Set<LeadStatus> statuses) {
        return statuses.stream().map(LeadStatus::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The text of the highest-versioned migration of the vendor's folder that contains {@code what}. */
    private static String latestMigrationDefining(String vendor, String what) throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/vendor/" + vendor
            + "/V*.sql");
        Resource latest = null;
        String text = null;
        for (Resource script : Arrays.stream(scripts)
            .sorted(Comparator.comparingDouble(OpenLeadDefinitionTest::version)).toList()) {
            String content = script.getContentAsString(StandardCharsets.UTF_8);
            if (content.toLowerCase().contains(what)) {
                latest = script;
                text = content;
            }
        }
        assertThat(latest).as("a %s migration containing '%s'", vendor, what).isNotNull();
        return text;
    }

    /** V19 is 19, V19_1 (Flyway's 19.1) comes after it. */
    private static double version(Resource script) {
        Matcher version = VERSION.matcher(script.getFilename());
        if (!version.find()) {
            return -1;
        }
        return Integer.parseInt(version.group(1))
            + (version.group(2) == null ? 0 : Integer.parseInt(version.group(2)) / 1000.0);
    }
}
