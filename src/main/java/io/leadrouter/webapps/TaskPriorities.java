package io.leadrouter.webapps;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.leadrouter.engine.Decisions;
import io.leadrouter.engine.LatestDefinitions;

/**
 * The priority of a lead's task, from the modelers' DMN {@code processes/task-priority.dmn}
 * (decision {@value #DECISION}): by default the tier's, so that HOT leads stand out on their cards
 * and come first in the lead filters. The table may read {@code tier}, {@code score} and
 * {@code task} (the task's id in the model).
 *
 * <p>Every lead task asks, in the routing transaction, and the table's inputs take few values: the
 * answer is kept per deployed version of the table and inputs (a version never changes), so a
 * newly deployed table applies to the next task at once.
 */
@Component
class TaskPriorities {

    static final String DECISION = "taskPriority";

    private final Decisions decisions;
    private final LatestDefinitions definitions;
    private final Cache<List<Object>, Integer> answers = Caffeine.newBuilder().maximumSize(4_096).build();

    TaskPriorities(Decisions decisions, LatestDefinitions definitions) {
        this.decisions = decisions;
        this.definitions = definitions;
    }

    /** The priority of the task {@code taskDefinitionKey} of a lead of that tier and score (either may be null). */
    int of(String taskDefinitionKey, Object tier, Object score) {
        List<Object> key = Arrays.asList(definitions.decision(DECISION).id(), taskDefinitionKey, tier, score);
        return answers.get(key, ignored -> evaluate(taskDefinitionKey, tier, score));
    }

    private int evaluate(String taskDefinitionKey, Object tier, Object score) {
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
