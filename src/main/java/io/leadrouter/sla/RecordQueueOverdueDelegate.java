package io.leadrouter.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.leadrouter.lead.LeadEvent;
import io.leadrouter.lead.LeadEventType;
import io.leadrouter.lead.LeadTimeline;

/**
 * BPMN "Record review overdue" and "Record assignment overdue": a lead waited in sales ops' queue
 * past its deadline; on the lead's timeline ({@link LeadEventType#QUEUE_OVERDUE}) with the task it
 * waits in and for how long.
 */
@Component
class RecordQueueOverdueDelegate implements JavaDelegate {

    private final LeadTimeline timeline;
    private final Clock clock;

    RecordQueueOverdueDelegate(LeadTimeline timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Task waiting = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn("ReviewLead", "AssignLeadManually").singleResult();
        String summary = waiting == null ? "The lead waited for sales ops past its deadline"
                : "\"" + waiting.getName() + "\" is overdue: the lead has waited for sales ops for "
                        + words(Duration.between(waiting.getCreateTime().toInstant(), now));
        timeline.record(new LeadEvent(execution.getProcessBusinessKey(), LeadEventType.QUEUE_OVERDUE, now, null,
                (String) execution.getVariable("team"), null, summary + "; the sales managers were told"));
    }

    private static String words(Duration waited) {
        long minutes = waited.toMinutes();
        return minutes < 120 ? minutes + " minutes" : (minutes / 60) + " hours " + (minutes % 60) + " minutes";
    }
}
