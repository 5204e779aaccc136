package io.leadrouter.webapps;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import io.leadrouter.engine.HistoryFreeTaskVariables;

/**
 * Task listener "create" of every lead task in {@code lead-routing.bpmn}
 * ({@code camunda:taskListener delegateExpression="${showLeadOnCard}" event="create"}): gives the
 * task's card in Tasklist the lead's name, company, tier and score ({@link LeadCard}, task
 * variables that the task's own grants protect) and the priority of the lead's tier
 * ({@link TaskPriorities}), which the lead filters sort by. The card's copies are not in Camunda's
 * history (the process variables they copy are).
 */
@Component("showLeadOnCard")
class ShowLeadOnCardListener implements TaskListener {

    private final TaskPriorities priorities;

    ShowLeadOnCardListener(TaskPriorities priorities) {
        this.priorities = priorities;
    }

    @Bean
    static HistoryFreeTaskVariables cardCopies() {
        return new HistoryFreeTaskVariables(
                LeadCard.FIELDS.stream().map(LeadCard.Field::variable).collect(Collectors.toSet()));
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariablesLocal(LeadCard.of(task.getExecution()::getVariable));
        task.setPriority(priorities.of(task.getTaskDefinitionKey(), task.getExecution().getVariable("tier"),
                task.getExecution().getVariable("score")));
    }
}
