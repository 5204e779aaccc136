package io.leadrouter.webapps;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import io.leadrouter.web.InvalidRequestException;

/**
 * A task listener that refuses a form's values ({@link InvalidRequestException}, e.g. "There is
 * no rep with user id 'Anna Snelling'" from "Assign lead manually" of lead-routing.bpmn up to
 * version 6, whose complete listener checks the typed user id) is a form error: Tasklist shows
 * the message, {@code /engine-rest} answers 400, the task stays open. The engine wraps whatever a
 * task listener throws into plain ProcessEngineExceptions ("There was an exception while
 * invoking the TaskListener"), which Camunda's REST API answers 500; this interceptor, outside
 * the engine's transaction (rolled back already), gives such a refusal back as the
 * FormFieldValidationException that "submit-form" and "complete" answer 400. Any other failure
 * passes unchanged.
 */
@Component
class TaskListenerRefusals extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> before = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        before.add(0, new AsFormErrors());
        configuration.setCustomPreCommandInterceptorsTxRequired(before);
    }

    /**
     * The refusal a task listener's exception carries, wrapped in engine exceptions (twice: by
     * the listener's delegate expression, then by the task); null for any other failure.
     */
    static InvalidRequestException refusal(ProcessEngineException failure) {
        if (failure instanceof FormFieldValidationException) {
            return null;
        }
        Throwable cause = failure.getCause();
        while (cause instanceof ProcessEngineException wrapped && !(cause instanceof FormFieldValidationException)) {
            cause = wrapped.getCause();
        }
        return cause instanceof InvalidRequestException refused ? refused : null;
    }

    static final class AsFormErrors extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException failure) {
                InvalidRequestException refused = refusal(failure);
                if (refused == null) {
                    throw failure;
                }
                throw new FormFieldValidationException(null, refused.getMessage(), refused);
            }
        }
    }
}
