package io.leadrouter.engine;

import java.util.Set;

/**
 * Names of process variables that only copy, for a form or a Tasklist card, what a lead's own row
 * records (the conversion probability as words, its factors one per line): Camunda's history does
 * not record them ({@link TaskVariableHistoryFilter}), since the lead keeps the original. A feature
 * declares its own as a bean.
 */
public record HistoryFreeProcessVariables(Set<String> names) {

    public HistoryFreeProcessVariables {
        names = Set.copyOf(names);
    }
}
