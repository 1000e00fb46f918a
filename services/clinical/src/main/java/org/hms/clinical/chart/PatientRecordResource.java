package org.hms.clinical.chart;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHYSICIAN;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.clinical.encounter.EncounterResponse;
import org.hms.clinical.encounter.EncounterService;
import org.hms.clinical.vitals.Spo2ScaleResponse;
import org.hms.clinical.vitals.Spo2ScaleResponse.Spo2ScaleRequest;
import org.hms.clinical.vitals.VitalsResponse;
import org.hms.clinical.vitals.VitalsService;
import org.hms.platform.audit.Audited;
import org.hms.platform.security.PatientAccess;
import org.hms.platform.web.Page;

/** One patient's clinical record: the chart, their vitals and encounters. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patient record", description = "A patient's chart, vitals and encounters")
public class PatientRecordResource {

    private final ChartService charts;
    private final VitalsService vitals;
    private final EncounterService encounters;
    private final PatientAccess access;
    private final SecurityIdentity identity;

    public PatientRecordResource(ChartService charts, VitalsService vitals, EncounterService encounters,
            PatientAccess access, SecurityIdentity identity) {
        this.charts = charts;
        this.vitals = vitals;
        this.encounters = encounters;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("patients/{id}/chart")
    @RolesAllowed({PHYSICIAN, NURSE, PATIENT})
    @Audited(action = "read")
    @Operation(operationId = "getChart", summary = "A patient's chart", description = "Demographics, the current"
            + " encounter and location, the latest vitals with NEWS2. A patient may read only their own.")
    @APIResponse(responseCode = "200", description = "The chart",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChartResponse.class)))
    @APIResponse(responseCode = "404", description = "No patient with this id is known to clinical")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> chart(@PathParam("id") UUID id) {
        access.requireSelfOrStaff(identity, id);
        return charts.chart(id).map(json -> Response.ok(json, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("patients/{id}/vitals")
    @RolesAllowed({PHYSICIAN, NURSE, PATIENT})
    @Audited(action = "read")
    @Operation(operationId = "listPatientVitals", summary = "A patient's vitals, newest first", description = "Paged;"
            + " a patient may read only their own.")
    public Uni<Page<VitalsResponse>> vitals(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        access.requireSelfOrStaff(identity, id);
        return vitals.ofPatient(id, page, size);
    }

    @PUT
    @Path("patients/{id}/vitals/spo2-scale")
    @RolesAllowed(PHYSICIAN)
    @Audited(action = "document-spo2-scale")
    @Operation(operationId = "documentSpo2Scale", summary = "Document the SpO2 scale of a patient", description =
            "Scale 2 documents a hypercapnic respiratory failure target (88-92 %); only then may vitals be scored"
                    + " on scale 2. Scale 1 withdraws it.")
    @APIResponse(responseCode = "200", description = "As documented now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Spo2ScaleResponse.class)))
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Spo2ScaleResponse> documentSpo2Scale(@PathParam("id") UUID id, @Valid @NotNull Spo2ScaleRequest request) {
        return vitals.documentScale(id, request.scale(), request.reason(), identity.getPrincipal().getName());
    }

    @GET
    @Path("patients/{id}/encounters")
    @RolesAllowed({PHYSICIAN, NURSE, ADMIN})
    @Audited(action = "read")
    @Operation(operationId = "listPatientEncounters", summary = "A patient's encounters, newest first")
    public Uni<Page<EncounterResponse>> encounters(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return encounters.ofPatient(id, page, size);
    }
}
