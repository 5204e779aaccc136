package io.leadrouter.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Finds and completes the user tasks of a process instance for features that must not know the
 * engine's API: plain keys and values in, plain records and exceptions out. Completing a task here
 * runs the process on from it exactly as Tasklist's "Complete" does (its listeners, the steps after
 * it), in the caller's transaction and without the engine's authorization checks: the caller has
 * decided who may.
 */
@Component
public class UserTasks {

    /** An open user task: its id, its element id in the model and its assignee (null: unassigned). */
    public record OpenTask(String id, String definitionKey, String assignee) {
    }

    /** The task was completed, or changed, by another transaction meanwhile (or is gone). */
    public static class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The process refused the values the task was completed with (a form field validation of a step). */
    public static class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final TaskService tasks;
    private final RuntimeService runtime;

    UserTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The open tasks of the instance with that business key whose element ids are among the given ones. */
    public List<OpenTask> open(String businessKey, Collection<String> definitionKeys) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKeyIn(definitionKeys.toArray(String[]::new)).list().stream()
                .map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee()))
                .toList();
    }

    /**
     * The business key (for Lead Router's processes: the lead id) of the process instance an open
     * task belongs to; empty for no such task or a task outside a process. Read without the
     * engine's authorization checks: the caller decides who may read the lead.
     */
    public Optional<String> businessKeyOf(String taskId) {
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? Optional.empty() : Optional.ofNullable(instance.getBusinessKey());
    }

    /** Whether the process instance has not ended yet. */
    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /**
     * Completes the task with the values as transient variables: read by the steps that run on from
     * the task in this transaction, never stored with the process.
     *
     * @throws ChangedMeanwhile the task was completed or changed by another transaction
     * @throws Refused          a step of the process refused the values (its message says why)
     */
    public void complete(String taskId, Map<String, String> transientValues) {
        VariableMap variables = Variables.createVariables();
        transientValues.forEach((name, value) -> variables.putValueTyped(name, Variables.stringValue(value, true)));
        try {
            tasks.complete(taskId, variables);
        } catch (OptimisticLockingException | NullValueException gone) {
            throw new ChangedMeanwhile("Task " + taskId + " was completed or changed meanwhile", gone);
        } catch (FormException refused) {
            throw new Refused(refused.getMessage(), refused);
        } catch (ProcessEngineException | NullPointerException failed) {
            // the task was read before another transaction completed it and ended its process: the
            // engine then finds no process instance behind the task's execution and fails on it
            if (isGone(taskId)) {
                throw new ChangedMeanwhile("Task " + taskId + " was completed meanwhile", failed);
            }
            throw failed;
        }
    }

    /** Whether the task is no longer open, as the latest committed state says. */
    private boolean isGone(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() == 0;
    }
}
