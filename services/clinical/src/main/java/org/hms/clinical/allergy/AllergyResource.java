package org.hms.clinical.allergy;

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
import org.hms.clinical.allergy.AllergyDtos.AllergyResponse;
import org.hms.clinical.allergy.AllergyDtos.NewAllergy;
import org.hms.platform.audit.Audited;

/** Allergies and intolerances over HTTP. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allergies", description = "Allergies and intolerances to coded substances")
public class AllergyResource {

    private final AllergyService allergies;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public AllergyResource(AllergyService allergies, SecurityIdentity identity, UriInfo uri) {
        this.allergies = allergies;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @Path("allergies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "record-allergy")
    @Operation(operationId = "recordAllergy", summary = "Record an allergy or intolerance", description = "Published"
            + " as AllergyRecorded with the substance's code, for pharmacy. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the patient's allergies",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllergyResponse.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use by a request still running")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> record(@Valid @NotNull NewAllergy request) {
        return allergies.record(request, identity.getPrincipal().getName()).map(a -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/patients").path(a.patientId().toString())
                                .path("allergies").build())
                .entity(a)
                .build());
    }

    @GET
    @Path("patients/{id}/allergies")
    @RolesAllowed({PHYSICIAN, NURSE})
    @Audited(action = "read")
    @Operation(operationId = "listPatientAllergies", summary = "A patient's allergies and intolerances, newest first")
    @APIResponse(responseCode = "200", description = "Every allergy recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AllergyResponse.class)))
    public Uni<List<AllergyResponse>> ofPatient(@PathParam("id") UUID id) {
        return allergies.ofPatient(id);
    }
}
