package org.hms.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/**
 * A JSON body with values of the wrong type or format, read to its end: every such field
 * ({@link #errors()}) and the object as far as it could be built ({@link #partial()}, those
 * fields left null, or null when nothing could be built), so that its Bean Validation
 * constraints can be checked too and one 400 names everything wrong.
 */
public final class InvalidFieldsException extends JsonMappingException {

    private final transient List<FieldError> errors;
    private final transient Object partial;

    InvalidFieldsException(JsonParser parser, List<FieldError> errors, Object partial) {
        super(parser, errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid JSON values"));
        this.errors = List.copyOf(errors);
        this.partial = partial;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Object partial() {
        return partial;
    }
}
