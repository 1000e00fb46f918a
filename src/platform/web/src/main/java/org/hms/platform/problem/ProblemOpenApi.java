package org.hms.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Problems in every service's OpenAPI document: one {@code Problem} schema (and
 * {@code FieldError}); every error response an operation declares answers
 * {@code application/problem+json} with it; and the errors any operation can meet are declared
 * on all of them: 400 (invalid input), 401 (no valid token; sign-in refusals), 403 (role),
 * 429 (rate limits, at the gateway and for sign-in), 500 (an error id to quote), plus 404 where
 * the path has a parameter (a malformed id is 404 too) and 415 where there is a body.
 * Operation-specific ones (404, 409, 412, 422, 428, ...) are declared on the resource methods
 * with {@code @APIResponse(responseCode = "409", description = "...")}: their content is added here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApi implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    private static final String REF = "#/components/schemas/";

    private static final Map<String, String> STANDARD = Map.of(
            "400", "Invalid request: every invalid field is named in errors",
            "401", "No valid bearer token",
            "403", "Your role does not allow this",
            "429", "Too many requests: wait for Retry-After seconds",
            "500", "Unexpected error: quote errorId when you report it");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(FIELD_ERROR, fieldError());
        components.addSchema(PROBLEM, problem());
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ProblemOpenApi::anchorPatterns);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> {
                    declareProblems(path, method, operation);
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> anchorPatterns(p.getSchema()));
                    }
                }));
    }

    /**
     * Bean Validation's {@code @Pattern} must match the whole value; JSON Schema's {@code pattern}
     * only somewhere in it. Anchored, the document says what the server checks ("[A-Z]{2}" would
     * let "XXPL" through). The "\S" that stands for {@code @NotBlank} is meant as a search.
     */
    private static void anchorPatterns(Schema schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.equals("\\S") && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ProblemOpenApi::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
    }

    private static void declareProblems(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, String> expected = new LinkedHashMap<>(STANDARD);
        if (path.contains("{")) {
            expected.put("404", "Not found (a malformed id too)");
        }
        if (operation.getRequestBody() != null) {
            expected.put("415", "The body's Content-Type is not one this operation reads");
        }
        expected.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status)) {
                asProblem(status, response);
            }
        });
    }

    /** An error response of {@code description} answering a {@code Problem}. */
    public static APIResponse response(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF + PROBLEM)));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void asProblem(String status, APIResponse response) {
        Content content = response.getContent();
        MediaType problem = content == null ? null : content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null || problem.getSchema() == null) {
            response.setContent(problemContent());
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(STANDARD.getOrDefault(status, "Problem"));
        }
        if (status.equals("401") && (response.getHeaders() == null || !response.getHeaders().containsKey("WWW-Authenticate"))) {
            response.addHeader("WWW-Authenticate", header("Bearer: how to authenticate"));
        }
        if (status.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", header("Seconds to wait before trying again"));
        }
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One invalid field: its JSON path as the client sent it (name.family,"
                        + " identifiers[0].value), or the query or path parameter's name")
                .required(List.of("field", "message"))
                .addProperty("field", string("JSON path or parameter name"))
                .addProperty("message", string("What is wrong with it"));
    }

    private static Schema problem() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json); extension members beside the"
                        + " standard ones")
                .required(List.of("title", "status"))
                .addProperty("type", string("https://hms.example.org/problems/<slug>").format("uri"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("400 validation: every invalid field")
                        .items(OASFactory.createSchema().ref(REF + FIELD_ERROR)))
                .addProperty("errorId", string("500: the id to quote to support"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
