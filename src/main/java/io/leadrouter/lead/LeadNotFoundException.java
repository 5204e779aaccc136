package io.leadrouter.lead;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No lead with that id, or none the caller may read (answered alike): 404. */
public class LeadNotFoundException extends ErrorResponseException {

    public LeadNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem("No lead with id '" + id + "'"), null);
    }

    private LeadNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    /** No lead with that external id (the id of its source system), or none the caller may read. */
    public static LeadNotFoundException byExternalId(String externalId) {
        return new LeadNotFoundException(problem("No lead with external id '" + externalId + "'"));
    }

    /** The problem's detail, not Spring's "404 NOT_FOUND …" summary. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Lead not found");
        return problem;
    }
}
