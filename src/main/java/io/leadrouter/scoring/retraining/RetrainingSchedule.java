package io.leadrouter.scoring.retraining;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the retraining process's timer "Every week" fires ({@code ${scoringRetrainingSchedule.cycle}}
 * in {@code processes/scoring-model.bpmn}): {@code leadrouter.scoring.retraining.cycle}, an ISO 8601
 * repeating interval ({@code R/P7D}, the default: every 7 days from the deployment) or a cron
 * expression. The engine reads it when it deploys the process and keeps it with the timer: a changed
 * cycle applies once the process is deployed again (the model changed; the engine's
 * {@code reevaluateTimeCycleWhenDue} would apply it at the next firing instead, for every timer cycle).
 */
@Component("scoringRetrainingSchedule")
public class RetrainingSchedule {

    private final String cycle;

    RetrainingSchedule(@Value("${leadrouter.scoring.retraining.cycle:R/P7D}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
