package io.leadrouter.intake;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Intake refuses a lead because the routing backlog is at its limit: the caller should send it
 * again after {@link #retryAfter()}. Nothing was stored. Answered 429 with {@code Retry-After}.
 */
public class BacklogFullException extends ErrorResponseException {

    private final transient Duration retryAfter;

    BacklogFullException(long backlog, int maxBacklog, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem("Lead Router is routing " + backlog + " leads (limit " + maxBacklog
                + "); send the lead again in " + retryAfter.toSeconds() + " s"), null);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The problem's detail, not Spring's "429 TOO_MANY_REQUESTS …" summary. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle("Routing backlog full");
        problem.setType(URI.create("urn:leadrouter:problem:backlog-full"));
        return problem;
    }
}
