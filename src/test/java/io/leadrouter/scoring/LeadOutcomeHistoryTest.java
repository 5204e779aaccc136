package io.leadrouter.scoring;

import static io.leadrouter.routing.RoutingFixture.RepSpec.rep;
import static io.leadrouter.routing.RoutingFixture.repId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadrouter.IntegrationTest;
import io.leadrouter.analytics.AnalyticsFixture;
import io.leadrouter.lead.Lead;
import io.leadrouter.lead.LeadData;
import io.leadrouter.lead.LeadField;
import io.leadrouter.lead.LeadRepository;
import io.leadrouter.scoring.model.LabelledLead;

/**
 * The training set on a hand-made set of leads, one per rule, with "now" fixed on 1 June 2025
 * and the default horizon of 90 days:
 *
 * <pre>
 * lead                     status        timeline                       label
 * converted                CONVERTED     outcome                        converted
 * lost                     LOST          outcome                        not converted
 * disqualifiedAfterContact DISQUALIFIED  CONTACTED, then DISQUALIFIED   not converted
 * nurtureAfterWindow       NURTURE       follow-up window closed it     not converted
 * disqualifiedUnreached    DISQUALIFIED  DISQUALIFIED at once           (left out)
 * closedAtQualification    NURTURE       no outcome                     (left out)
 * merged                   MERGED                                       (left out)
 * openPastHorizon          ASSIGNED      received 100 days ago          not converted
 * contactedPastHorizon     CONTACTED     received 200 days ago          not converted
 * openWithinHorizon        ASSIGNED      received 10 days ago           (left out: may convert yet)
 * history 3, history 5     HISTORY       imported, order 3 and 5        as imported, before all own
 * </pre>
 */
@IntegrationTest
class LeadOutcomeHistoryTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Autowired
    LeadOutcomeHistory history;
    @Autowired
    AnalyticsFixture fixture;
    @Autowired
    LeadRepository leads;
    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private String source;

    @BeforeEach
    void oneLeadPerRule() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        String team = fixture.team(rep("uma"));
        String uma = repId("uma", team);

        ids.put("converted", fixture.lead(team).owner(uma).converted("100").received(daysAgo(30))
                .firstAssigned(daysAgo(30)).save());
        ids.put("lost", fixture.lead(team).owner(uma).outcome("LOST").received(daysAgo(29))
                .firstAssigned(daysAgo(29)).save());
        ids.put("disqualifiedAfterContact", fixture.lead(team).owner(uma).outcome("DISQUALIFIED")
                .received(daysAgo(28)).firstAssigned(daysAgo(28)).save());
        event("disqualifiedAfterContact", "OUTCOME_RECORDED", "Outcome CONTACTED");
        event("disqualifiedAfterContact", "OUTCOME_RECORDED", "Outcome DISQUALIFIED");
        ids.put("nurtureAfterWindow", fixture.lead(team).owner(uma).outcome("NURTURE").received(daysAgo(27))
                .firstAssigned(daysAgo(27)).save());
        event("nurtureAfterWindow", "OUTCOME_RECORDED", "Outcome CONTACTED");
        event("nurtureAfterWindow", "FOLLOW_UP_EXPIRED", "No outcome within the follow-up window: closed as NURTURE");
        ids.put("disqualifiedUnreached", fixture.lead(team).owner(uma).outcome("DISQUALIFIED")
                .received(daysAgo(26)).firstAssigned(daysAgo(26)).save());
        event("disqualifiedUnreached", "OUTCOME_RECORDED", "Outcome DISQUALIFIED");
        ids.put("closedAtQualification", bareLead("NURTURE", daysAgo(25)));
        ids.put("merged", bareLead("MERGED", daysAgo(24)));
        ids.put("openPastHorizon", fixture.lead(team).owner(uma).received(daysAgo(100)).firstAssigned(daysAgo(100))
                .save());
        ids.put("contactedPastHorizon", fixture.lead(team).owner(uma).outcome("CONTACTED").received(daysAgo(200))
                .firstAssigned(daysAgo(200)).save());
        ids.put("openWithinHorizon", fixture.lead(team).owner(uma).received(daysAgo(10)).firstAssigned(daysAgo(10))
                .save());

        source = "test-" + UUID.randomUUID();
        ids.put("history 5", historyLead(5, true));
        ids.put("history 3", historyLead(3, false));
    }

    @AfterEach
    void realTimeAgain() {
        ClockUtil.reset();
        jdbc.update("delete from leads where history_source = ?", source);
    }

    @Test
    void eachLeadIsLabelledByItsFinalOutcomeAndOpenLeadsOnlyPastTheHorizon() {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        ours().forEach(lead -> labels.put(name(lead), lead.converted()));

        assertThat(labels).containsExactly(
                Map.entry("history 3", false),
                Map.entry("history 5", true),
                Map.entry("contactedPastHorizon", false),
                Map.entry("openPastHorizon", false),
                Map.entry("converted", true),
                Map.entry("lost", false),
                Map.entry("disqualifiedAfterContact", false),
                Map.entry("nurtureAfterWindow", false));
    }

    @Test
    void historyComesBeforeEveryOwnLeadAndOwnLeadsAreOrderedByWhenTheyCameIn() {
        List<LabelledLead> all = history.labelledLeads();
        assertThat(all).isSortedAccordingTo(Comparator.comparingLong(LabelledLead::order));
        long newestHistory = all.stream().filter(lead -> lead.lead().isHistory()).mapToLong(LabelledLead::order)
                .max().orElseThrow();
        assertThat(all.stream().filter(lead -> !lead.lead().isHistory()).mapToLong(LabelledLead::order))
                .allMatch(order -> order > newestHistory);

        List<LabelledLead> ours = ours();
        assertThat(ours.get(0).order()).isLessThan(ours.get(1).order()).isNegative();
        assertThat(ours.get(2).order()).isEqualTo(daysAgo(200).toEpochMilli());
        assertThat(ours.get(7).order()).isEqualTo(daysAgo(27).toEpochMilli());
    }

    /** The fixture's leads in the training set, in its order. */
    private List<LabelledLead> ours() {
        return history.labelledLeads().stream().filter(lead -> ids.containsValue(lead.lead().getId())).toList();
    }

    private String name(LabelledLead lead) {
        return ids.entrySet().stream().filter(entry -> entry.getValue().equals(lead.lead().getId()))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private void event(String lead, String type, String summary) {
        jdbc.update("insert into lead_events (lead_id, event_type, occurred_at, summary) values (?, ?, ?, ?)",
                ids.get(lead), type, OffsetDateTime.ofInstant(daysAgo(20), ZoneOffset.UTC), summary);
    }

    /** A lead closed without going to a rep (no outcome), or merged. */
    private String bareLead(String status, Instant received) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into leads (id, status, received_at, closed_at) values (?, ?, ?, ?)", id, status,
                OffsetDateTime.ofInstant(received, ZoneOffset.UTC), OffsetDateTime.ofInstant(received, ZoneOffset.UTC));
        return id;
    }

    private String historyLead(long order, boolean converted) {
        LeadData data = LeadData.of(field -> field == LeadField.EXTERNAL_ID ? source + "-" + order : null);
        Lead lead = Lead.fromHistory(data, null, List.of(), source, order, converted, NOW, "sam.ops");
        return leads.save(lead).getId();
    }
}
