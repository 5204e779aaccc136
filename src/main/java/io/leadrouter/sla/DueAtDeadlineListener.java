package io.leadrouter.sla;

import java.util.Comparator;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.stereotype.Component;

/**
 * Task listener "create" of sales ops' "Review lead" and "Assign lead manually": the task is due
 * when the last of its boundary timers fires (its "… overdue" deadline), so the modeler keeps one
 * number per deadline, on the timer, and Tasklist's due date, which the queues sort by, follows it.
 * The engine creates a task's boundary timers before the task, on the task's own execution.
 */
@Component("dueAtDeadline")
public class DueAtDeadlineListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ((ExecutionEntity) task.getExecution()).getJobs().stream()
                .filter(TimerEntity.class::isInstance)
                .map(JobEntity::getDuedate)
                .max(Comparator.naturalOrder())
                .ifPresent(task::setDueDate);
    }
}
