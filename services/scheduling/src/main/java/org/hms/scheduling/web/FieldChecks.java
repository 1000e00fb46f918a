package org.hms.scheduling.web;

import java.util.ArrayList;
import java.util.List;
import org.hms.platform.problem.FieldError;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/**
 * Rules Bean Validation cannot state on one field (an end after its start, a known time zone):
 * collected, then answered as one 400 naming every bad field, like the platform's validation.
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldChecks require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Throws the 400 problem when any check failed. */
    public void done() {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
            throw new ProblemException(Problem.of("validation", "Invalid request", 400, detail)
                    .with("errors", List.copyOf(errors)));
        }
    }
}
