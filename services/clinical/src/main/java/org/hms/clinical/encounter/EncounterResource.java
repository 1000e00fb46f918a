package org.hms.clinical.encounter;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHYSICIAN;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.clinical.encounter.EncounterRequests.Discharge;
import org.hms.clinical.encounter.EncounterRequests.OpenEncounter;
import org.hms.clinical.encounter.EncounterRequests.Transfer;
import org.hms.platform.audit.Audited;

/**
 * Encounters over HTTP: outpatient visits, admissions, transfers, discharges. The path
 * parameter is {@code encounterId}, not {@code id}: the audit filter reads {@code id} as the
 * patient's, and names the patient from the response instead.
 */
@Path("/api/v1/encounters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Encounters", description = "Visits and inpatient stays, admissions to beds, transfers, discharges")
public class EncounterResource {

    private final EncounterService encounters;
    private final UriInfo uri;

    public EncounterResource(EncounterService encounters, UriInfo uri) {
        this.encounters = encounters;
        this.uri = uri;
    }

    @POST
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "open-encounter")
    @Operation(operationId = "openEncounter", summary = "Open an encounter or admit a patient", description = "An"
            + " outpatient visit (no ward or bed), or an inpatient admission to a free bed of a ward. Two admissions"
            + " racing for one bed: one wins, the other gets 409 bed-occupied. Send Idempotency-Key to make retries"
            + " safe.")
    @APIResponse(responseCode = "201", description = "Opened; Location is the encounter",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "409", description = "bed-occupied, bed-not-free (being cleaned) or"
            + " patient-already-admitted, with the current status; or the Idempotency-Key is in use")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> open(@Valid @NotNull OpenEncounter request) {
        return encounters.open(request).map(e -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/encounters").path(e.id().toString()).build())
                .entity(e)
                .build());
    }

    @GET
    @Path("{encounterId}")
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "read")
    @Operation(operationId = "getEncounter", summary = "Read an encounter")
    @APIResponse(responseCode = "200", description = "The encounter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "404", description = "No encounter with this id")
    public Uni<EncounterResponse> read(@PathParam("encounterId") UUID id) {
        return encounters.read(id);
    }

    @POST
    @Path("{encounterId}/transfer")
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "transfer")
    @Operation(operationId = "transferPatient", summary = "Move an admitted patient to another bed", description =
            "The bed left goes to cleaning.")
    @APIResponse(responseCode = "200", description = "The encounter in its new bed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "404", description = "No encounter with this id")
    @APIResponse(responseCode = "409", description = "encounter-finished, encounter-not-inpatient, bed-occupied or"
            + " bed-not-free, with the current status")
    public Uni<EncounterResponse> transfer(@PathParam("encounterId") UUID id, @Valid @NotNull Transfer request) {
        return encounters.transfer(id, request);
    }

    @POST
    @Path("{encounterId}/discharge")
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "discharge")
    @Operation(operationId = "dischargePatient", summary = "End an encounter with a discharge summary", description =
            "An inpatient's bed goes to cleaning.")
    @APIResponse(responseCode = "200", description = "The finished encounter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "404", description = "No encounter with this id")
    @APIResponse(responseCode = "409", description = "encounter-finished: discharged already")
    public Uni<EncounterResponse> discharge(@PathParam("encounterId") UUID id, @Valid @NotNull Discharge request) {
        return encounters.discharge(id, request);
    }
}
