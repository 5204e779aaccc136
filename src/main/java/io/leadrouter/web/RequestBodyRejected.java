package io.leadrouter.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body refused while it was read: too large (413), too slow (408) or not UTF-8 (400).
 * An {@link IOException}, so that it leaves whatever was reading the body (Jackson, a copy to a
 * file) the way a broken connection would, and {@link ProblemHandling} answers it.
 */
public final class RequestBodyRejected extends IOException {

    private final transient ProblemDetail problem;

    private RequestBodyRejected(HttpStatus status, String type, String title, String detail) {
        super(detail, null);
        problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:leadrouter:problem:" + type));
    }

    static RequestBodyRejected tooLarge(RequestLimits.BodyLimit limit) {
        RequestBodyRejected rejected = new RequestBodyRejected(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                "Request body too large", "The request body is larger than the " + limit.name() + " limit of "
                        + limit.bytes() + " bytes (leadrouter.limits." + limit.name() + ").");
        rejected.problem.setProperty("limit", limit.name());
        rejected.problem.setProperty("maxBytes", limit.bytes());
        return rejected;
    }

    static RequestBodyRejected tooSlow(long bytesRead, long elapsedMillis) {
        return new RequestBodyRejected(HttpStatus.REQUEST_TIMEOUT, "body-too-slow", "Request body too slow",
                "The request body arrived too slowly (" + bytesRead + " bytes in " + elapsedMillis
                        + " ms); send it at once.");
    }

    static RequestBodyRejected notUtf8(Utf8Check.Flaw flaw) {
        RequestBodyRejected rejected = new RequestBodyRejected(HttpStatus.BAD_REQUEST, "invalid-utf-8",
                "Request body is not UTF-8", "The request body is not valid UTF-8: " + flaw.what() + " at byte "
                        + flaw.offset() + " (bodies are read as UTF-8).");
        rejected.problem.setProperty("field", "body");
        rejected.problem.setProperty("offset", flaw.offset());
        return rejected;
    }

    /** A copy: a problem detail is mutable (Spring sets its instance). */
    public ProblemDetail problem() {
        ProblemDetail copy = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.getStatus()), problem.getDetail());
        copy.setTitle(problem.getTitle());
        copy.setType(problem.getType());
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(copy::setProperty);
        }
        return copy;
    }

    public int status() {
        return problem.getStatus();
    }

    /** The rejection somewhere in {@code error}'s causes, if any. */
    public static RequestBodyRejected in(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RequestBodyRejected rejected) {
                return rejected;
            }
        }
        return null;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an answer to the client, not a fault of ours
    }
}
