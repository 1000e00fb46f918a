package org.hms.clinical.vitals;

import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.platform.audit.Audited;

/** Recording vital signs at the bedside. */
@Path("/api/v1/vitals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vitals", description = "Vital signs with their NEWS2 early warning score")
public class VitalsResource {

    private final VitalsService vitals;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public VitalsResource(VitalsService vitals, SecurityIdentity identity, UriInfo uri) {
        this.vitals = vitals;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed({NURSE, PHYSICIAN})
    @Audited(action = "record-vitals")
    @Operation(operationId = "recordVitals", summary = "Record a set of vital signs", description = "Scores the set"
            + " NEWS2 (RCP 2017). A total of 7 or more, or a 3 in any parameter, raises VitalsAlertRaised for an"
            + " urgent review. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Recorded and scored; Location is the patient's vitals",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VitalsResponse.class)))
    @APIResponse(responseCode = "410", description = "patient-erased")
    @APIResponse(responseCode = "422", description = "spo2-scale-not-documented: scale 2 without a documented"
            + " hypercapnic target; or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key is in use by a request still running")
    public Uni<Response> record(@Valid @NotNull VitalsRequest request) {
        return vitals.recordVitals(request, identity.getPrincipal().getName()).map(v -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/patients").path(v.patientId().toString()).path("vitals")
                                .build())
                .entity(v)
                .build());
    }
}
