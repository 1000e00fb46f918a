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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.clinical.encounter.EncounterRequests.NewWard;
import org.hms.clinical.encounter.EncounterRequests.WardResponse;
import org.hms.platform.audit.Audited;

/** Wards and the bed board. */
@Path("/api/v1/wards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wards", description = "Wards, their beds and the bed board")
public class WardResource {

    private final WardService wards;
    private final UriInfo uri;

    public WardResource(WardService wards, UriInfo uri) {
        this.wards = wards;
        this.uri = uri;
    }

    @GET
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Operation(operationId = "listWards", summary = "The wards and how many beds each has")
    @APIResponse(responseCode = "200", description = "The wards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = WardResponse.class)))
    public Uni<List<WardResponse>> list() {
        return wards.wards();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ADMIN)
    @Audited(action = "create-ward", resource = "Ward", patientData = false)
    @Operation(operationId = "createWard", summary = "Add a ward with its beds")
    @APIResponse(responseCode = "201", description = "Created; Location is its bed board",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WardResponse.class)))
    @APIResponse(responseCode = "409", description = "ward-exists; or the Idempotency-Key is in use")
    public Uni<Response> create(@Valid @NotNull NewWard request) {
        return wards.create(request).map(w -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/wards").path(w.code()).path("board").build())
                .entity(w)
                .build());
    }

    @GET
    @Path("{ward}/board")
    @RolesAllowed({NURSE, PHYSICIAN, ADMIN})
    @Audited(action = "read")
    @Operation(operationId = "getBedBoard", summary = "The bed board of a ward", description = "Each bed occupied"
            + " (by which encounter and patient), free or being cleaned.")
    @APIResponse(responseCode = "200", description = "The board",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BedBoard.class)))
    @APIResponse(responseCode = "404", description = "No ward with this code")
    public Uni<BedBoard> board(@PathParam("ward") String ward) {
        return wards.board(ward);
    }

    @POST
    @Path("{ward}/beds/{bed}/cleaned")
    @RolesAllowed({NURSE, ADMIN})
    @Audited(action = "bed-cleaned", resource = "Bed", patientData = false)
    @Operation(operationId = "markBedCleaned", summary = "A bed being cleaned is free again")
    @APIResponse(responseCode = "200", description = "The bed, free",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BedBoard.BedState.class)))
    @APIResponse(responseCode = "404", description = "No such bed")
    @APIResponse(responseCode = "409", description = "bed-not-cleaning, with its current status")
    public Uni<BedBoard.BedState> cleaned(@PathParam("ward") String ward, @PathParam("bed") String bed) {
        return wards.cleaned(ward, bed);
    }
}
