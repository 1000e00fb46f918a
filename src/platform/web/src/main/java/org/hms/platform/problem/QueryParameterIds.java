package org.hms.platform.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A malformed id in a query parameter ({@code ?practitionerId=abc}) is a mistake in one field of the
 * request: 400 naming the parameter, as for a body field. JAX-RS would answer 404, as if the
 * resource were missing. An id in the path keeps its 404: a path that names nothing is not found.
 * Only the canonical form is an id ({@code UUID.fromString} also takes "1-1-1-1-1").
 */
@Provider
public class QueryParameterIds implements ParamConverterProvider {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return (ParamConverter<T>) new Converter(query.value());
            }
        }
        return null;
    }

    private record Converter(String parameter) implements ParamConverter<UUID> {

        @Override
        public UUID fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!CANONICAL.matcher(value).matches()) {
                throw ProblemException.badRequest(parameter, "must be a UUID");
            }
            return UUID.fromString(value);
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    }
}
