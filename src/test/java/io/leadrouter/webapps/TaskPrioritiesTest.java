package io.leadrouter.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadrouter.engine.Decisions;
import io.leadrouter.engine.LatestDefinitions;

/**
 * The priority is asked for every lead task in the routing transaction; the table is evaluated once
 * per deployed version and inputs, and a newly deployed version answers from the next task on.
 */
class TaskPrioritiesTest {

    private final Decisions decisions = mock(Decisions.class);
    private final LatestDefinitions definitions = mock(LatestDefinitions.class);
    private final TaskPriorities priorities = new TaskPriorities(decisions, definitions);

    @Test
    void theTableIsEvaluatedOncePerVersionAndInputsAndANewVersionAppliesAtOnce() {
        when(definitions.decision(TaskPriorities.DECISION)).thenReturn(new LatestDefinitions.Latest("priority:1", 1));
        when(decisions.evaluateSingle(eq(TaskPriorities.DECISION), anyMap())).thenReturn(Map.of("priority", 80));

        assertThat(priorities.of("WorkLead", "HOT", 90)).isEqualTo(80);
        assertThat(priorities.of("WorkLead", "HOT", 90)).isEqualTo(80);
        verify(decisions, times(1)).evaluateSingle(eq(TaskPriorities.DECISION), anyMap());

        assertThat(priorities.of("WorkLead", null, null)).as("a lead without tier or score").isEqualTo(80);
        verify(decisions, times(2)).evaluateSingle(eq(TaskPriorities.DECISION), anyMap());

        when(definitions.decision(TaskPriorities.DECISION)).thenReturn(new LatestDefinitions.Latest("priority:2", 2));
        when(decisions.evaluateSingle(eq(TaskPriorities.DECISION), anyMap())).thenReturn(Map.of("priority", 95));
        assertThat(priorities.of("WorkLead", "HOT", 90)).as("the modelers' new version").isEqualTo(95);
    }
}
