package org.hms.clinical.condition;

import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.clinical.condition.ConditionDtos.ConditionResponse;
import org.hms.clinical.condition.ConditionDtos.NewCondition;
import org.hms.platform.audit.Audited;

/** The problem list over HTTP. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conditions", description = "Problems and diagnoses (ICD-10)")
public class ConditionResource {

    private final ConditionService conditions;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public ConditionResource(ConditionService conditions, SecurityIdentity identity, UriInfo uri) {
        this.conditions = conditions;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @Path("conditions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PHYSICIAN)
    @Audited(action = "record-condition")
    @Operation(operationId = "recordCondition", summary = "Record a problem or diagnosis", description = "Send"
            + " Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the patient's problem list",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConditionResponse.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use by a request still running")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> record(@Valid @NotNull NewCondition request) {
        return conditions.record(request, identity.getPrincipal().getName()).map(c -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/patients").path(c.patientId().toString())
                                .path("conditions").build())
                .entity(c)
                .build());
    }

    @GET
    @Path("patients/{id}/conditions")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "read")
    @Operation(operationId = "listPatientConditions", summary = "A patient's problem list, newest first")
    @APIResponse(responseCode = "200", description = "Every condition recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ConditionResponse.class)))
    public Uni<List<ConditionResponse>> ofPatient(@PathParam("id") UUID id) {
        return conditions.ofPatient(id);
    }
}
