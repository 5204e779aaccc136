package io.leadrouter.webapps;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.leadrouter.intake.LeadIntake;

/**
 * Gives the open lead tasks that were created before cards existed (by an earlier version, without
 * {@link ShowLeadOnCardListener}) their card and priority, at start-up: otherwise they would read
 * "Work lead / Lead routing / 50" until done, and sort below every new lead. Finds them a page at a
 * time, two queries per 500 open tasks, so a start with nothing to do stays cheap.
 */
@Component
class OpenTaskCards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskCards.class);
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskPriorities priorities;

    OpenTaskCards(TaskService tasks, RuntimeService runtime, TaskPriorities priorities) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.priorities = priorities;
    }

    @Override
    public void run(ApplicationArguments args) {
        TaskQuery open = tasks.createTaskQuery().processDefinitionKey(LeadIntake.PROCESS_KEY).orderByTaskId().asc();
        String[] cardVariables = LeadCard.FIELDS.stream().map(LeadCard.Field::variable).toArray(String[]::new);
        int given = 0;
        long total = open.count();
        for (int first = 0; first < total; first += PAGE) {
            List<Task> page = open.listPage(first, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Set<String> withCard = new HashSet<>();
            runtime.createVariableInstanceQuery().taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
                    .variableNameIn(cardVariables).disableBinaryFetching().list().stream()
                    .map(VariableInstance::getTaskId).forEach(withCard::add);
            for (Task task : page) {
                if (!withCard.contains(task.getId()) && giveCard(task)) {
                    given++;
                }
            }
        }
        if (given > 0) {
            log.info("Gave {} open lead tasks of an earlier version their Tasklist card and priority", given);
        }
    }

    private boolean giveCard(Task task) {
        try {
            Map<String, Object> lead = runtime.getVariables(task.getExecutionId(), LeadCard.sources());
            Map<String, Object> card = LeadCard.of(lead::get);
            if (card.isEmpty()) {
                return false;
            }
            tasks.setVariablesLocal(task.getId(), card);
            tasks.setPriority(task.getId(), priorities.of(task.getTaskDefinitionKey(), lead.get("tier"),
                    lead.get("score")));
            return true;
        } catch (ProcessEngineException doneMeanwhile) {
            // completed since the query, or another node of the cluster starting at the same time gave it
            log.debug("No card given to task {}: {}", task.getId(), doneMeanwhile.getMessage());
            return false;
        }
    }
}
