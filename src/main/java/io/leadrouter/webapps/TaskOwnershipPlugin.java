package io.leadrouter.webapps;

import java.lang.reflect.Proxy;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A lead's task is worked by its owner only: installs {@link OwnedTaskAuthorizations}, a check
 * that nobody claims an owned task that already has its owner, and who may change a lead task's
 * dates ({@link LeadTaskDates}, in place of Camunda's own authorization checks, which it extends).
 */
@Component
class TaskOwnershipPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new OwnedTaskAuthorizations());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // the owner sets their lead's follow-up date, nobody the response deadline (LeadTaskDates)
        configuration.getCommandCheckers().replaceAll(checker -> checker.getClass() == AuthorizationCommandChecker.class
                ? new LeadTaskDates() : checker);
        configuration.getCommandCheckers().add(noClaimOfAnOwnedTask());
    }

    /**
     * The owner holds TASK_WORK, which is also what claiming checks: "claim for someone else"
     * would fail as TaskAlreadyClaimedException (500 over REST) and "claim for nobody" would
     * unassign the task. Claiming a task that has its owner is refused as an authorization
     * problem (403) for everyone; an owned task without assignee (an escalated lead with no
     * manager named) is claimed as usual. Every other check of the command checker is a no-op here.
     */
    static CommandChecker noClaimOfAnOwnedTask() {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method.getName(), arguments);
                    }
                    if (method.getName().equals("checkTaskWork") && arguments[0] instanceof TaskEntity task
                            && OwnedTaskAuthorizations.isOwned(task) && task.getAssignee() != null && claiming()) {
                        throw new AuthorizationException("The task '" + task.getName() + "' (" + task.getId()
                                + ") belongs to '" + task.getAssignee() + "' and cannot be claimed: reassign the lead "
                                + "through Lead Router (POST /api/leads/{id}/reassign, sales ops or the rep's manager)");
                    }
                    return null;
                });
    }

    private static boolean claiming() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimTaskCmd;
    }

    private static Object objectMethod(Object proxy, String name, Object[] arguments) {
        return switch (name) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "no claim of an owned task";
        };
    }
}
