package io.leadrouter.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The timers of process instances in a process test, and the engine clock that makes them due. */
final class ProcessTimers {

    private final ManagementService management;

    ProcessTimers(ManagementService management) {
        this.management = management;
    }

    /** The instance's timer of that boundary event, or null when there is none (fired, or gone with its task). */
    Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
            .singleResult();
    }

    /** The instance's timers that are due at the engine clock's time. */
    List<Job> due(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
    }

    static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
