package io.leadrouter.system;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.leadrouter.intake.BacklogFullException;
import io.leadrouter.lead.LeadNotFoundException;

/** Every API error answers as {@code application/problem+json} (RFC 9457), naming the problem. */
@RestControllerAdvice(basePackages = "io.leadrouter")
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:leadrouter:problem:invalid-input"));
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    /** 429 with Retry-After: the caller keeps the lead and sends it again; nothing was stored. */
    @ExceptionHandler(BacklogFullException.class)
    ResponseEntity<ProblemDetail> backlogFull(BacklogFullException full) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, full.getMessage());
        problem.setTitle("Routing backlog full");
        problem.setType(URI.create("urn:leadrouter:problem:backlog-full"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(full.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(LeadNotFoundException.class)
    ProblemDetail notFound(LeadNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setTitle("Lead not found");
        return problem;
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badArgument(RuntimeException bad) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bad.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON: " + rootMessage(unreadable));
        problem.setTitle("Unreadable request body");
        problem.setType(URI.create("urn:leadrouter:problem:unreadable-body"));
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int location = message.indexOf("\n at [Source");
        return (location > 0 ? message.substring(0, location) : message).lines().findFirst().orElse(message);
    }
}
