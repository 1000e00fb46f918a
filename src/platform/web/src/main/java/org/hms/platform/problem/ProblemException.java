package org.hms.platform.problem;

import java.util.Map;

/**
 * Thrown by services to answer with a problem: the mapper turns it into the response.
 * Factory methods name the situations every service meets.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.getTitle() + ": " + problem.getDetail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.notFound(what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(slug, "Conflict", 409, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.forbidden(detail));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of("validation", "Invalid request", 400, field + " " + message)
                .with("errors", java.util.List.of(new FieldError(field, message))));
    }
}
