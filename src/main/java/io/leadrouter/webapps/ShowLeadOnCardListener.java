package io.leadrouter.webapps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener "create" of every lead task in {@code lead-routing.bpmn}
 * ({@code camunda:taskListener delegateExpression="${showLeadOnCard}" event="create"}): gives the
 * task's card in Tasklist the lead's name, company, tier and score ({@link LeadCard}, task
 * variables that the task's own grants protect) and the priority of the lead's tier
 * ({@link TaskPriorities}), which the lead filters sort by.
 */
@Component("showLeadOnCard")
class ShowLeadOnCardListener implements TaskListener {

    private final TaskPriorities priorities;

    ShowLeadOnCardListener(TaskPriorities priorities) {
        this.priorities = priorities;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(LeadCard.of(task.getExecution()::getVariable));
        task.setPriority(priorities.of(task.getTaskDefinitionKey(), task.getExecution().getVariable("tier"),
                task.getExecution().getVariable("score")));
    }
}
