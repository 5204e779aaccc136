package io.leadrouter.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

import io.leadrouter.engine.UserTasks;
import io.leadrouter.security.ApiUser;
import io.leadrouter.web.InvalidRequestException;

/**
 * Outcomes that come from outside Tasklist ({@code POST /api/leads/{id}/outcome}): for teams whose
 * reps work in a CRM. The outcome takes the path a form in Tasklist takes: it completes the lead's
 * open task (Work lead, Follow up lead or Handle escalated lead) with the outcome's values, and the
 * process records it ("Record outcome" under {@link LeadLifecycle}'s rules) and goes on: the
 * response clock, the timeline, conversion rates and follow-up follow as from Tasklist.
 *
 * <p>Idempotent: the lead's own outcome again (CONVERTED twice, CONTACTED for a lead in follow-up)
 * answers the lead and changes nothing. A closed lead's different outcome, or a lead not with a
 * rep yet, is a conflict (409). A completion racing another one (a rep completing the task in
 * Tasklist at the same moment) loses to the engine's optimistic locking or the lead's version and
 * changes nothing; it is then answered by the rules against the lead as the winner left it.
 *
 * <p>A lead contacted before lead-routing.bpmn version 6, whose process ended at first contact,
 * has no task to complete: its outcome is recorded on the lead directly, with the same rules and
 * effects (there is no follow-up left to run).
 */
@Service
public class LeadOutcomes {

    /** The tasks of lead-routing.bpmn that end with an outcome: a lead with a rep has one of them open. */
    static final List<String> OUTCOME_TASKS = List.of("WorkLead", "FollowUpLead", "HandleEscalatedLead");

    static final String WHO_RECORDS = "The outcome of a lead is recorded by its owner (or the manager holding it), "
            + "the managers of its team, sales ops, admins and the account that submitted it";

    private final LeadRepository leads;
    private final LeadAccess access;
    private final LeadLifecycle lifecycle;
    private final UserTasks tasks;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    LeadOutcomes(LeadRepository leads, LeadAccess access, LeadLifecycle lifecycle, UserTasks tasks,
                 PlatformTransactionManager transactions) {
        this.leads = leads;
        this.access = access;
        this.lifecycle = lifecycle;
        this.tasks = tasks;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
    }

    /**
     * Records the report on the lead the caller finds ({@link LeadNotFoundException} for a lead they
     * may not read) and answers the lead as they read it afterwards.
     */
    public LeadView record(Function<LeadScope, Lead> find, OutcomeReport report, ApiUser user) {
        LeadScope scope = access.scopeOf(user);
        Lead lead = reading.execute(status -> find.apply(scope));
        if (!access.mayRecordOutcome(user, lead)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, WHO_RECORDS + ".");
        }
        LeadLifecycle.Check check = LeadLifecycle.check(lead, report.outcome());
        if (check.verdict() == LeadLifecycle.Verdict.RECORD) {
            reading.executeWithoutResult(status -> lifecycle.validate(lead, report, OutcomeReport.FieldNames.API));
            try {
                writing.executeWithoutResult(status -> complete(lead, report, user));
            } catch (UserTasks.ChangedMeanwhile | ConcurrencyFailureException raced) {
                check = checkAgain(lead.getId(), report);
                if (check.verdict() == LeadLifecycle.Verdict.RECORD) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "Lead " + lead.getId() + " changed while "
                            + "the outcome was being recorded (its task was completed or moved on at the same moment): "
                            + "nothing was recorded, try again");
                }
            } catch (NotWaiting notWaiting) {
                // its task was completed a moment ago (in Tasklist): answered by the rules against the winner
                check = checkAgain(lead.getId(), report);
                if (check.verdict() == LeadLifecycle.Verdict.RECORD) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, notWaiting.getMessage());
                }
            } catch (UserTasks.Refused refused) {
                // the values were checked above: refused now, the lead changed meanwhile (its outcome was
                // recorded in Tasklist at the same moment), or a step's rule holds what the checks missed
                check = checkAgain(lead.getId(), report);
                if (check.verdict() == LeadLifecycle.Verdict.RECORD) {
                    throw new InvalidRequestException(refused.getMessage());
                }
            }
        }
        if (check.verdict() == LeadLifecycle.Verdict.CLOSED
                || check.verdict() == LeadLifecycle.Verdict.NOT_WITH_A_REP) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, check.reason());
        }
        return reading.execute(status -> scope.viewOf(leads.require(lead.getId())));
    }

    /** The rules against the lead as another transaction left it. */
    private LeadLifecycle.Check checkAgain(String leadId, OutcomeReport report) {
        return LeadLifecycle.check(reading.execute(status -> leads.require(leadId)), report.outcome());
    }

    /** Completes the lead's open task with the report, in the caller's transaction. */
    private void complete(Lead lead, OutcomeReport report, ApiUser user) {
        List<UserTasks.OpenTask> open = tasks.open(lead.getId(), OUTCOME_TASKS);
        if (open.size() == 1) {
            UserTasks.OpenTask task = open.get(0);
            if ("HandleEscalatedLead".equals(task.definitionKey()) && task.assignee() == null
                    && report.outcome() == LeadOutcome.CONTACTED) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "Lead " + lead.getId() + " is escalated to "
                        + "the sales managers and none has taken it yet: a contacted lead is followed up by the "
                        + "manager who has it, so a manager claims Handle escalated lead first (a final outcome "
                        + "needs nobody)");
            }
            tasks.complete(task.id(), values(report, user));
        } else if (open.isEmpty() && lead.getStatus() == LeadStatus.CONTACTED
                && !tasks.isRunning(lead.getProcessInstanceId())) {
            lifecycle.recordOutcome(lead.getId(), report, user.id(), null);
        } else {
            throw new NotWaiting("Lead " + lead.getId() + " is not waiting for an outcome right now (its process is "
                    + "moving on, e.g. being reassigned): try again");
        }
    }

    /** The report as the variables a task's form sends, plus who recorded it. */
    private static Map<String, String> values(OutcomeReport report, ApiUser user) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("outcome", report.outcome().name());
        if (report.note() != null) {
            values.put("outcomeNote", report.note());
        }
        if (report.dealValue() != null) {
            values.put("dealValue", report.dealValue().toPlainString());
        }
        if (report.lostReason() != null) {
            values.put("lostReason", report.lostReason());
        }
        if (report.followUp() != null) {
            values.put("followUpAt", report.followUp().at() != null ? report.followUp().at().toString()
                    : report.followUp().day().toString());
        }
        values.put(RecordOutcomeDelegate.RECORDED_BY, user.id());
        return values;
    }

    /** The lead has no open outcome task now, though it did when it was read: it moved on meanwhile, or is moving. */
    private static final class NotWaiting extends RuntimeException {
        NotWaiting(String message) {
            super(message);
        }
    }
}
