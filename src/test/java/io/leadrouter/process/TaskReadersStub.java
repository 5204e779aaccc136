package io.leadrouter.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for {@code security.LeadTaskReaders} ({@code ${leadTaskReaders...}} in the model) in
 * process tests: every team shares its leads and has one manager.
 */
public class TaskReadersStub {

    private final String manager;

    TaskReadersStub(String manager) {
        this.manager = manager;
    }

    public List<String> managers(DelegateExecution execution) {
        return List.of(manager);
    }

    public List<String> team(DelegateExecution execution) {
        return List.of((String) execution.getVariable("team"));
    }

    public List<String> escalationGroups(DelegateExecution execution) {
        return execution.getVariable("manager") == null ? List.of("managers") : List.of();
    }
}
