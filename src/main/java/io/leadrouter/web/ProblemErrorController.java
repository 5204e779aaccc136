package io.leadrouter.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container (in place of Spring Boot's whitelabel and JSON error
 * page): whatever Tomcat, a filter or a servlet outside Spring MVC answered with an error status
 * (a malformed URI, a body refused by a filter, an exception from the engine's REST API) goes out
 * as {@code application/problem+json} with the status and a sentence, never the exception's text.
 * Asked for directly, {@code /error} is a page like any other that does not exist: 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        RequestBodyRejected rejected =
                RequestBodyRejected.in((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        ProblemDetail problem;
        if (rejected != null) {
            problem = rejected.problem();
        } else {
            HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
                    ? HttpStatus.valueOf(number) : code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
            problem = ProblemDetail.forStatusAndDetail(status, detail(status));
            problem.setTitle(status.getReasonPhrase());
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(ProblemWriter.instance(path == null ? request.getRequestURI() : path.toString()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: its request line, URI, headers or parameters cannot be read.";
            case UNAUTHORIZED -> "Send HTTP Basic credentials of a Lead Router (Camunda) user.";
            case FORBIDDEN -> "You may not do this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case NOT_ACCEPTABLE -> "This address cannot answer in a media type the request accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of this Content-Type.";
            default -> status.is5xxServerError()
                    ? "The server could not answer the request; the failure is logged."
                    : status.getReasonPhrase() + ".";
        };
    }
}
