package io.leadrouter.engine;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Process variables that only the next steps of the same transaction read (a gateway right after
 * the task, a delegate before the next wait state) are set transient: the engine keeps them for
 * the transaction and writes no runtime or history row for them. Every stored variable costs a
 * runtime row, a history row and their removal at the end of the lead's process (BENCHMARKS.md).
 *
 * <p>An instance started before a variable became transient already holds it as a stored
 * variable, and the engine refuses to turn one kind into the other: there it stays stored.
 */
public final class TransientVariables {

    private TransientVariables() {
    }

    public static void set(VariableScope scope, String name, Object value) {
        TypedValue existing = scope.getVariableTyped(name);
        if (existing != null && !existing.isTransient()) {
            scope.setVariable(name, value);
        } else {
            scope.setVariable(name, Variables.untypedValue(value, true));
        }
    }
}
