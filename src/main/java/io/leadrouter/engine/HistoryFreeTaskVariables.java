package io.leadrouter.engine;

import java.util.Set;

/**
 * Names of task variables that serve a task only while it is open and copy what is recorded
 * elsewhere (a Tasklist card's copies of the lead, a form's list of choices): Camunda's history
 * does not record them ({@link TaskVariableHistoryFilter}). A feature declares its own as a bean.
 */
public record HistoryFreeTaskVariables(Set<String> names) {

    public HistoryFreeTaskVariables {
        names = Set.copyOf(names);
    }
}
