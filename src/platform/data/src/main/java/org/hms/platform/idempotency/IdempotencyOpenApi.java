package org.hms.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.hms.platform.problem.ProblemOpenApi;

/**
 * {@link IdempotencyKeys} in every service's OpenAPI document: each POST takes an optional
 * {@code Idempotency-Key} header and may answer 409 (the first request with that key is still
 * running) or 422 (the key was used with another body), as problems.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .map(item -> item.getPOST())
                .filter(post -> post != null)
                .forEach(IdempotencyOpenApi::declare);
    }

    private static void declare(Operation post) {
        boolean declared = post.getParameters() != null && post.getParameters().stream()
                .anyMatch(p -> IdempotencyKeys.HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            post.addParameter(OASFactory.createParameter()
                    .name(IdempotencyKeys.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description("Makes a retry safe: the same key and body within a day replays the first"
                            + " answer (with " + IdempotencyKeys.REPLAYED + ": true) instead of doing it again")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)));
        }
        if (post.getResponses() == null) {
            post.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = post.getResponses();
        if (!responses.hasAPIResponse("409")) {
            responses.addAPIResponse("409",
                    ProblemOpenApi.response("A request with this Idempotency-Key is still being processed"));
        }
        if (!responses.hasAPIResponse("422")) {
            responses.addAPIResponse("422",
                    ProblemOpenApi.response("This Idempotency-Key was used with another request body"));
        }
    }
}
