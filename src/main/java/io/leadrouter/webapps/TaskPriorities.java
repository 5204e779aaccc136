package io.leadrouter.webapps;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadrouter.engine.Decisions;

/**
 * The priority of a lead's task, from the modelers' DMN {@code processes/task-priority.dmn}
 * (decision {@value #DECISION}): by default the tier's, so that HOT leads stand out on their cards
 * and come first in the lead filters. The table may read {@code tier}, {@code score} and
 * {@code task} (the task's id in the model).
 */
@Component
class TaskPriorities {

    static final String DECISION = "taskPriority";

    private final Decisions decisions;

    TaskPriorities(Decisions decisions) {
        this.decisions = decisions;
    }

    /** The priority of the task {@code taskDefinitionKey} of a lead of that tier and score (either may be null). */
    int of(String taskDefinitionKey, Object tier, Object score) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("task", taskDefinitionKey);
        inputs.put("tier", tier);
        inputs.put("score", score);
        Object priority = decisions.evaluateSingle(DECISION, inputs).get("priority");
        if (!(priority instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalStateException("Decision '" + DECISION + "' must give the task's priority as a whole "
                    + "number (output 'priority'), not " + priority);
        }
        return number.intValue();
    }
}
