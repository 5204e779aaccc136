package io.leadrouter.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * BPMN "Reassign to named rep" and "Hand follow-up to named rep", after "Reassignment requested"
 * (on Work lead, Handle escalated lead, Follow up lead): gives the lead (the business
 * key) to the rep named by the request's transient variables {@code reassignTo},
 * {@code reassignedBy} and {@code reassignmentReason}; sets {@code owner}, {@code team} and
 * {@code routingReason} for the new rep's clock and task, and {@code strategy}
 * ({@code reassigned-by-hand}) so that Cockpit names who chose the rep.
 */
@Component
class ReassignToNamedRepDelegate implements JavaDelegate {

    static final String TO = "reassignTo";
    static final String BY = "reassignedBy";
    static final String REASON = "reassignmentReason";

    private final Reassignments reassignments;

    ReassignToNamedRepDelegate(Reassignments reassignments) {
        this.reassignments = reassignments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Lead Router's API correlates as the system and names the user; anyone correlating the
        // message through /engine-rest (ops) is named by the engine, whatever they sent
        Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String by = caller != null ? caller.getUserId() : (String) execution.getVariable(BY);
        var outcome = reassignments.reassign(new Reassignments.Request(execution.getProcessBusinessKey(),
                (String) execution.getVariable(TO), by, (String) execution.getVariable(REASON)));
        execution.setVariable("owner", outcome.owner());
        execution.setVariable("team", outcome.team());
        execution.setVariable("routingReason", outcome.reason());
        execution.setVariable("strategy", outcome.strategy());
    }
}
