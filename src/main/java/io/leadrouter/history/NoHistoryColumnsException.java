package io.leadrouter.history;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.leadrouter.source.SourceMapping;

/**
 * The source's mapping has no {@code history:} part, so nobody can tell which column holds a past
 * lead's outcome: 422 (the file may be fine, the source's configuration does not cover it), naming
 * the mapping file to extend. Nothing was stored.
 */
class NoHistoryColumnsException extends ErrorResponseException {

    NoHistoryColumnsException(SourceMapping mapping) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(mapping), null);
    }

    private static ProblemDetail problem(SourceMapping mapping) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The source "
                + mapping.id() + " does not say which column holds the outcome: add a history part to "
                + mapping.fileName() + " (history: {outcome: <column>, converted: [<values>], order: <column>}) "
                + "and deploy it. Nothing was stored.");
        problem.setTitle("Lead source mapping has no history part");
        problem.setType(URI.create("urn:leadrouter:problem:no-history-columns"));
        problem.setProperty("file", mapping.fileName());
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
