package io.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leadrouter.team.WorkingHours;
import io.leadrouter.web.FieldError;
import io.leadrouter.web.InvalidInputException;

/**
 * The rules of an outcome, without Spring: what a report must carry ({@link OutcomeReport}) and
 * when a lead may take it ({@link LeadLifecycle#check}), the same for Tasklist and the API.
 */
class OutcomeRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");
    private static final WorkingHours NEW_YORK = new WorkingHours(ZoneId.of("America/New_York"), LocalTime.of(9, 0),
            LocalTime.of(17, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final LostReasons REASONS = new LostReasons(null, null) {
        @Override
        public List<Reason> all() {
            return List.of(new Reason("PRICE", "Price or budget"), new Reason("COMPETITOR", "Chose a competitor"));
        }
    };

    @Test
    void eachOutcomeCarriesWhatGoesWithItAndNothingElse() {
        OutcomeReport converted = read("converted", "Signed", 1200.5, "PRICE", "2026-03-10");
        OutcomeReport lost = read("LOST", null, 99, "COMPETITOR", "2026-03-10");
        OutcomeReport contacted = read(" Contacted ", "  ", 5, "PRICE", "2026-03-10");

        assertThat(converted.outcome()).isEqualTo(LeadOutcome.CONVERTED);
        assertThat(converted.dealValue()).isEqualByComparingTo("1200.5");
        assertThat(converted.lostReason()).isNull();
        assertThat(converted.followUp()).isNull();
        assertThat(lost.dealValue()).isNull();
        assertThat(lost.lostReason()).isEqualTo("COMPETITOR");
        assertThat(contacted.outcome()).isEqualTo(LeadOutcome.CONTACTED);
        assertThat(contacted.note()).as("a blank note is none").isNull();
        assertThat(contacted.dealValue()).isNull();
        assertThat(contacted.followUp().day()).isEqualTo(LocalDate.parse("2026-03-10"));
        for (OutcomeReport report : List.of(converted, lost, contacted)) {
            assertThat(problems(report)).isEmpty();
        }
    }

    @Test
    void whatCannotBeReadIsNamedByItsField() {
        assertFields(() -> read(null, null, null, null, null), "outcome");
        assertFields(() -> read("WON", null, null, null, null), "outcome");
        assertFields(() -> read(7, 8, null, null, null), "outcome", "outcomeNote");
        assertFields(() -> read("CONVERTED", null, "a lot", null, null), "dealValue");
        assertFields(() -> read("CONVERTED", null, true, null, null), "dealValue");
        assertFields(() -> read("LOST", null, null, 3, null), "lostReason");
        assertFields(() -> read("CONTACTED", null, null, null, "tomorrow"), "followUpAt");
        assertFields(() -> read("CONTACTED", null, null, null, "2026-03-10T09:00"), "followUpAt");
    }

    @Test
    void aFinalOutcomeNeedsItsValueFromTheRightRange() {
        assertThat(problems(read("CONVERTED", null, null, null, null))).extracting(FieldError::message)
                .containsExactly("is required with CONVERTED: the value of the deal");
        assertThat(problems(read("CONVERTED", null, -0.01, null, null))).extracting(FieldError::message)
                .containsExactly("must be 0 or more");
        assertThat(problems(read("CONVERTED", null, "12.345", null, null))).extracting(FieldError::message)
                .containsExactly("may have at most two decimals");
        assertThat(problems(read("CONVERTED", null, "12.340", null, null))).isEmpty();
        assertThat(problems(read("CONVERTED", null, "123456789012345678", null, null))).extracting(FieldError::field)
                .containsExactly("dealValue");
        assertThat(problems(read("CONVERTED", null, 0, null, null))).as("a deal at no charge").isEmpty();
        assertThat(problems(read("LOST", null, null, null, null))).extracting(FieldError::message)
                .containsExactly("is required with LOST: one of [PRICE, COMPETITOR]");
        assertThat(problems(read("LOST", null, null, "price", null))).extracting(FieldError::message)
                .containsExactly("'price' is not in the list of lost reasons: use one of [PRICE, COMPETITOR]");
        assertThat(problems(read("CONTACTED", "x".repeat(4001), null, null, null))).extracting(FieldError::field)
                .containsExactly("outcomeNote");
        assertThat(problems(read("CONTACTED", "bell \u0007", null, null, null))).extracting(FieldError::field)
                .containsExactly("outcomeNote");
    }

    @Test
    void aFollowUpDayIsTodayOrLaterWhereWhoFollowsUpWorks() {
        // 10:00 in New York on 4 March; in UTC it is 15:00
        assertThat(problems(read("CONTACTED", null, null, null, "2026-03-04"))).isEmpty();
        assertThat(problems(read("CONTACTED", null, null, null, "2026-03-03"))).extracting(FieldError::message)
                .containsExactly("must be today or later");
        assertThat(problems(read("CONTACTED", null, null, null, "2026-03-04T04:00:00Z")))
                .as("still the 3rd in New York").hasSize(1);
        OutcomeReport.FollowUpRequest day = OutcomeReport.FollowUpRequest.parse("2026-03-10");
        assertThat(day.resolve(NEW_YORK)).as("the start of that working day").isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
        OutcomeReport.FollowUpRequest instant = OutcomeReport.FollowUpRequest.parse("2026-03-10T17:30:00+01:00");
        assertThat(instant.resolve(NEW_YORK)).isEqualTo(Instant.parse("2026-03-10T16:30:00Z"));
        assertThat(OutcomeReport.FollowUpRequest.parse(Date.from(NOW)).at()).isEqualTo(NOW);
    }

    @Test
    void aLeadTakesAnOutcomeOnlyWhileItIsWithARepAndNeverChangesAFinalOne() {
        Lead received = LeadAccessTest.lead(null, null, "intake");
        assertThat(LeadLifecycle.check(received, LeadOutcome.CONTACTED).verdict())
                .isEqualTo(LeadLifecycle.Verdict.NOT_WITH_A_REP);

        Lead assigned = LeadAccessTest.lead("carl.lin", "west", "intake");
        for (LeadOutcome outcome : LeadOutcome.values()) {
            assertThat(LeadLifecycle.check(assigned, outcome).verdict()).isEqualTo(LeadLifecycle.Verdict.RECORD);
        }

        assigned.recordOutcome(LeadOutcome.CONTACTED, null, NOW);
        assertThat(LeadLifecycle.check(assigned, LeadOutcome.CONTACTED).verdict())
                .as("in follow-up already").isEqualTo(LeadLifecycle.Verdict.ALREADY_RECORDED);
        assertThat(LeadLifecycle.check(assigned, LeadOutcome.LOST).verdict()).isEqualTo(LeadLifecycle.Verdict.RECORD);

        assigned.recordOutcome(LeadOutcome.CONVERTED, null, new BigDecimal("10"), null, NOW);
        assertThat(assigned.getClosedAt()).isEqualTo(NOW);
        assertThat(LeadLifecycle.check(assigned, LeadOutcome.CONVERTED).verdict())
                .isEqualTo(LeadLifecycle.Verdict.ALREADY_RECORDED);
        LeadLifecycle.Check lost = LeadLifecycle.check(assigned, LeadOutcome.LOST);
        assertThat(lost.verdict()).isEqualTo(LeadLifecycle.Verdict.CLOSED);
        assertThat(lost.reason()).contains("is closed as CONVERTED since " + NOW);
        assertThat(LeadLifecycle.check(assigned, LeadOutcome.CONTACTED).verdict())
                .isEqualTo(LeadLifecycle.Verdict.CLOSED);

        Lead nurtured = LeadAccessTest.lead(null, null, "intake");
        nurtured.close(LeadStatus.NURTURE, "cold", NOW);
        assertThat(LeadLifecycle.check(nurtured, LeadOutcome.NURTURE).verdict())
                .as("closed as the CRM says already").isEqualTo(LeadLifecycle.Verdict.ALREADY_RECORDED);
        assertThat(LeadLifecycle.check(nurtured, LeadOutcome.CONVERTED).verdict())
                .isEqualTo(LeadLifecycle.Verdict.CLOSED);
    }

    private static OutcomeReport read(Object outcome, Object note, Object dealValue, Object lostReason,
                                      Object followUpAt) {
        return OutcomeReport.read(outcome, note, dealValue, lostReason, followUpAt, OutcomeReport.FieldNames.FORM);
    }

    private static List<FieldError> problems(OutcomeReport report) {
        return report.problems(OutcomeReport.FieldNames.FORM, REASONS, NEW_YORK, NOW);
    }

    private static void assertFields(Runnable reading, String... fields) {
        assertThatThrownBy(reading::run).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.errors()).extracting(FieldError::field).containsExactly(fields));
    }
}
