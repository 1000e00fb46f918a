package org.hms.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service answers, as RFC 9457 problems: invalid input names each field, and
 * an unexpected failure gives an error id to quote to support, never a stack trace.
 */
public class ProblemMappers {

    private final Validator validator;

    public ProblemMappers(Validator validator) {
        this.validator = validator;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem().at(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .toList(), uri);
    }

    /**
     * A body with values of the wrong type or format: those fields, and the Bean Validation
     * violations of the rest of the body (a field already named for its format is not named
     * again as missing), in one problem.
     */
    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>(e.errors());
        if (e.partial() != null) {
            validator.validate(e.partial()).stream()
                    .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                    .filter(v -> e.errors().stream().noneMatch(f -> within(v.field(), f.field())))
                    .forEach(errors::add);
        }
        return invalid(errors, uri);
    }

    private static boolean within(String field, String unreadable) {
        return field.equals(unreadable) || field.startsWith(unreadable + ".") || field.startsWith(unreadable + "[");
    }

    private static Response invalid(List<FieldError> found, UriInfo uri) {
        List<FieldError> errors = found.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return respond(Problem.of("validation", "Invalid request", 400, detail)
                        .with("errors", errors)
                        .at(path(uri)))
                .build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFieldsException fields) {
            return invalidFields(fields, uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = "has a value of the wrong type or format";
            return respond(Problem.of("validation", "Invalid request", 400, field + " " + message)
                            .with("errors", List.of(new FieldError(field, message)))
                            .at(path(uri)))
                    .build();
        }
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, "the body is not valid JSON")
                        .at(path(uri)))
                .build();
    }

    /**
     * A value of the wrong type or format (a date "1984-13-45", an object where a list goes):
     * quarkus-rest-jackson maps this subtype itself, to a plain JSON body, unless we do.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        return respond(Problem.unauthenticated().at(path(uri)))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.forbidden("your role does not allow this").at(path(uri)))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // a parameter converter's verdict (QueryParameterIds), wrapped by JAX-RS
            return problem(problem, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = e.getResponse().getStatusInfo();
        return respond(Problem.of(null, type.getReasonPhrase(), status, e.getMessage()).at(path(uri)))
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error %s on %s", errorId, path(uri));
        return respond(Problem.of("internal", "Internal error", 500,
                                "something went wrong on our side; quote the error id when you report it")
                        .with("errorId", errorId)
                        .at(path(uri)))
                .build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * "name.family" or "identifiers[0].value" for a body field, without the method and
     * parameter names; the parameter's own name ("size") for a query or path parameter.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() != null
                    && node.getName().startsWith("<")) {
                field.append('[').append(node.getIndex()).append(']');
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

}
