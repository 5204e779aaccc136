package io.leadrouter.intake;

import java.util.List;
import java.util.stream.Collectors;

import io.leadrouter.web.FieldError;

/**
 * A lead whose normalised values its columns cannot hold: the routing job fails with this
 * message, retries, and then shows it as the incident in Cockpit. Intake refuses such leads, so
 * this meets only leads stored before that check, or review corrections that do not fit.
 */
class UnstorableLeadException extends RuntimeException {

    /** Camunda keeps the first 666 characters of a job's exception message. */
    private static final int INCIDENT_MESSAGE_LENGTH = 666;

    UnstorableLeadException(String leadId, String what, List<FieldError> misfits) {
        super(message(leadId, what, misfits), null, false, false);
    }

    private static String message(String leadId, String what, List<FieldError> misfits) {
        String message = "Lead " + leadId + ": " + what + " cannot be stored: "
                + misfits.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "))
                + ". Correct the lead's data, then retry the job.";
        return message.length() <= INCIDENT_MESSAGE_LENGTH ? message
                : message.substring(0, INCIDENT_MESSAGE_LENGTH - 1) + "…";
    }
}
