package org.hms.scheduling.practitioner;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.BILLING_CLERK;
import static org.hms.platform.security.Roles.LAB_TECHNICIAN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PHARMACIST;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.hms.platform.audit.Audited;
import org.hms.platform.web.Page;
import org.hms.platform.web.Versions;
import org.hms.scheduling.appointment.AppointmentResponse;
import org.hms.scheduling.appointment.AppointmentService;
import org.hms.scheduling.web.Dates;
import org.hms.scheduling.practitioner.PractitionerRequests.NewPractitioner;
import org.hms.scheduling.slot.Availability;

/** The practitioner directory and availability over HTTP. */
@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners", description = "Who can be booked, and when")
public class PractitionerResource {

    private final PractitionerService practitioners;
    private final AppointmentService appointments;
    private final UriInfo uri;

    public PractitionerResource(PractitionerService practitioners, AppointmentService appointments, UriInfo uri) {
        this.practitioners = practitioners;
        this.appointments = appointments;
        this.uri = uri;
    }

    @POST
    @RolesAllowed(ADMIN)
    @Operation(operationId = "createPractitioner", summary = "Add a practitioner",
            description = "Send Idempotency-Key to make retries safe. Availability is set separately.")
    @APIResponse(responseCode = "201", description = "Created: Location is the new practitioner, ETag its version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PractitionerResponse.class)))
    @APIResponse(responseCode = "409", description = "the Idempotency-Key is in use")
    public Uni<Response> create(@Valid @NotNull NewPractitioner request) {
        return practitioners.create(request).map(p -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/practitioners").path(p.id().toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(p.version()))
                .entity(p)
                .build());
    }

    @GET
    @RolesAllowed({ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, PHARMACIST, LAB_TECHNICIAN, BILLING_CLERK})
    @Operation(operationId = "listPractitioners", summary = "List practitioners, optionally of one specialty",
            description = "Paged, oldest first; total counts all matches.")
    public Uni<Page<PractitionerResponse>> list(
            @QueryParam("specialty") @Size(max = 60)
                    @Pattern(regexp = PractitionerRequests.SPECIALTY, message = "must be lower-case words joined by hyphens")
                    String specialty,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return practitioners.list(specialty, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, PHARMACIST, LAB_TECHNICIAN, BILLING_CLERK})
    @Operation(operationId = "getPractitioner", summary = "Read a practitioner")
    @APIResponse(responseCode = "200", description = "The practitioner; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PractitionerResponse.class)))
    @APIResponse(responseCode = "404", description = "No practitioner with this id")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return practitioners.get(id)
                .map(p -> Response.ok(p).header(HttpHeaders.ETAG, Versions.etag(p.version())).build());
    }

    @GET
    @Path("{id}/availability")
    @RolesAllowed({ADMIN, PHYSICIAN, NURSE, RECEPTIONIST})
    @Operation(operationId = "getAvailability", summary = "Read a practitioner's weekly template and exceptions")
    @APIResponse(responseCode = "200", description = "The availability; ETag is the practitioner's version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Availability.class)))
    @APIResponse(responseCode = "404", description = "No practitioner with this id")
    public Uni<Response> availability(@PathParam("id") UUID id) {
        return practitioners.availability(id).map(PractitionerResource::withEtag);
    }

    @PUT
    @Path("{id}/availability")
    @RolesAllowed(ADMIN)
    @Operation(operationId = "replaceAvailability", summary = "Replace a practitioner's availability",
            description = "Times are local to timeZone. An exception with available=false is leave (the whole day,"
                    + " or start..end); with available=true and start, end, slotMinutes an extra session."
                    + " If-Match is optional; when sent it must be the current version (412 otherwise)."
                    + " Existing appointments stay as they are.")
    @APIResponse(responseCode = "200", description = "The availability now; ETag is the practitioner's new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Availability.class)))
    @APIResponse(responseCode = "404", description = "No practitioner with this id")
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    public Uni<Response> replaceAvailability(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag this change is based on, e.g. \"3\"")
                    String ifMatch,
            @Valid @NotNull Availability availability) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.fromIfMatch(ifMatch);
        return practitioners.replaceAvailability(id, expected, availability).map(PractitionerResource::withEtag);
    }

    @GET
    @Path("{id}/appointments")
    @RolesAllowed({ADMIN, PHYSICIAN, NURSE, RECEPTIONIST})
    // the path's id is a practitioner, not a patient: the page names the patients it discloses
    @Audited(action = "search", resource = AppointmentService.RESOURCE, idParam = "none")
    @Operation(operationId = "listPractitionerDay", summary = "A practitioner's appointments on one day",
            description = "date is a day in the practitioner's time zone; every status, by start time; appointments"
                    + " of erased patients are left out.")
    @APIResponse(responseCode = "404", description = "No practitioner with this id")
    public Uni<Page<AppointmentResponse>> day(
            @PathParam("id") UUID id,
            @QueryParam("date") @NotNull @Parameter(description = "ISO date, e.g. 2026-12-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String date) {
        return appointments.day(id, Dates.parse("date", date));
    }

    private static Response withEtag(PractitionerService.Versioned v) {
        return Response.ok(v.availability()).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }
}
