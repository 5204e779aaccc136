package io.leadrouter.web;

import java.net.URI;
import java.util.stream.Collectors;

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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error Spring MVC answers is {@code application/problem+json} (RFC 9457), naming the
 * problem and the field where there is one, never an exception's class or a Java message.
 * It applies to every handler, not only Lead Router's: a 404, 405, 406 or 415 is decided before
 * any controller is chosen. What the servlet container answers goes to {@link ProblemErrorController}.
 *
 * <p>A feature's own refusals carry their status and problem with them as Spring's
 * {@link org.springframework.web.ErrorResponseException} (a full routing backlog, a lead not
 * found), so this class knows no feature. Bad input is {@link InvalidInputException} (bad fields)
 * or {@link InvalidRequestException} (one problem); any other exception is a 500 that names nothing.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:leadrouter:problem:invalid-input"));
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    /** 413, 408 or 400 for a body refused while it was read (web/RequestBodyGuard). */
    @ExceptionHandler(RequestBodyRejected.class)
    ResponseEntity<Object> bodyRejected(RequestBodyRejected rejected) {
        return problem(rejected.problem());
    }

    /** A request refused for a reason its message gives in the caller's words. */
    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "value"
                : mismatch.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + mismatch.getName() + "' must be a valid " + expected + ".");
        problem.setTitle("Invalid request");
        problem.setProperty("field", mismatch.getName());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestBodyRejected rejected = RequestBodyRejected.in(unreadable);
        if (rejected != null) {
            return problem(rejected.problem());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(unreadable));
        problem.setTitle("Unreadable request body");
        problem.setType(URI.create("urn:leadrouter:problem:unreadable-body"));
        String field = field(unreadable);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return handleExceptionInternal(unreadable, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every problem this class answers goes out as problem+json, whatever the Accept header asked for. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** What is wrong with the JSON, where, in Jackson's words about characters, not about Java types. */
    private static String unreadableDetail(HttpMessageNotReadableException unreadable) {
        JsonProcessingException json = cause(unreadable, JsonProcessingException.class);
        if (json == null) {
            return "The request body is missing or cannot be read.";
        }
        String field = field(unreadable);
        if (field != null) {
            return "The field '" + field + "' has a value of the wrong kind or out of range.";
        }
        JsonLocation location = json.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String message = json.getOriginalMessage() == null ? "" : ": " + withoutJavaTypes(json.getOriginalMessage());
        return "The request body is not valid JSON" + where + message;
    }

    /** The JSON field a mapping error is about, as {@code attributes.size} or {@code tags[2]}. */
    private static String field(HttpMessageNotReadableException unreadable) {
        JsonMappingException mapping = cause(unreadable, JsonMappingException.class);
        if (mapping == null || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String withoutJavaTypes(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.replaceAll("`[^`]*\\.[^`]*`", "a value").replaceAll("\\b(?:java|com|org|io)\\.[\\w.$]+", "a value");
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
