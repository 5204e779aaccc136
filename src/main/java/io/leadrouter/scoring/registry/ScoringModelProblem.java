package io.leadrouter.scoring.registry;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What the registry refuses, as {@code application/problem+json}: no such version (404), no model
 * published while the rules score (404), or a publish of a model that is not a candidate (409).
 */
class ScoringModelProblem extends ErrorResponseException {

    private ScoringModelProblem(HttpStatus status, String type, String title, String detail, Integer version) {
        super(status, problem(status, type, title, detail, version), null);
    }

    static ScoringModelProblem noSuchVersion(int version) {
        return new ScoringModelProblem(HttpStatus.NOT_FOUND, "no-such-scoring-model", "No such scoring model",
                "No scoring model has the version " + version + ".", version);
    }

    static ScoringModelProblem nonePublished() {
        return new ScoringModelProblem(HttpStatus.NOT_FOUND, "no-published-scoring-model",
                "No scoring model is published", "No scoring model is published: the rules of "
                        + "processes/lead-scoring.dmn score every lead.", null);
    }

    static ScoringModelProblem notACandidate(ScoringModelEntry entry) {
        return new ScoringModelProblem(HttpStatus.CONFLICT, "not-a-candidate", "Not a candidate",
                "Scoring model " + entry.version() + " is " + entry.status() + " (verdict " + entry.verdict()
                        + "): only a CANDIDATE, a model governance asked sales ops about, can be published.",
                entry.version());
    }

    static ScoringModelProblem publishedMeanwhile(int version) {
        return new ScoringModelProblem(HttpStatus.CONFLICT, "not-a-candidate", "Not a candidate",
                "Scoring model " + version + " was published or another model was published at the same time: "
                        + "read the list again.", version);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
                                         Integer version) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:leadrouter:problem:" + type));
        if (version != null) {
            problem.setProperty("version", version);
        }
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
