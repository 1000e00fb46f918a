package org.hms.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hms.platform.problem.FieldError;
import org.hms.platform.problem.Problem;
import org.hms.platform.problem.ProblemException;

/** Collects what is wrong with a request, field by field, and answers all of it in one 400 problem. */
public final class Invalid {

    private final List<FieldError> errors = new ArrayList<>();

    public Invalid add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Invalid addAll(String field, List<String> messages) {
        messages.forEach(m -> add(field, m));
        return this;
    }

    /** Throws the 400 problem if anything was found. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(
                    Problem.of("validation", "Invalid request", 400, detail).with("errors", List.copyOf(errors)));
        }
    }
}
