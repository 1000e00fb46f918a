package org.hms.scheduling.appointment;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.platform.audit.Audited;
import org.hms.platform.security.PatientAccess;
import org.hms.platform.web.Versions;
import org.hms.scheduling.appointment.AppointmentRequests.Booking;
import org.hms.scheduling.appointment.AppointmentRequests.Cancellation;
import org.hms.scheduling.appointment.AppointmentRequests.Reschedule;

/** Booking and the appointment lifecycle over HTTP. */
@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments", description = "Booking and the day of an appointment")
public class AppointmentResource {

    private static final String TRANSITION_409 = "invalid-status: not possible from the current status"
            + " (currentStatus names it)";

    private final AppointmentService appointments;
    private final PatientAccess access;
    private final SecurityIdentity identity;
    private final UriInfo uri;

    public AppointmentResource(AppointmentService appointments, PatientAccess access, SecurityIdentity identity,
            UriInfo uri) {
        this.appointments = appointments;
        this.access = access;
        this.identity = identity;
        this.uri = uri;
    }

    @POST
    @RolesAllowed({RECEPTIONIST, ADMIN, PATIENT})
    @Audited(action = AppointmentService.CREATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "bookAppointment", summary = "Book an appointment", description = "A patient may book"
            + " only for themselves. The time must lie in one of the practitioner's sessions. Send Idempotency-Key"
            + " to make retries safe.")
    @APIResponse(responseCode = "201", description = "Booked: Location is the appointment, ETag its version",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "409", description = "slot-taken (the practitioner) or patient-busy (the patient)"
            + " at that time, taken names which; or the Idempotency-Key is in use")
    @APIResponse(responseCode = "422", description = "patient-not-bookable (unknown here or erased),"
            + " unknown-practitioner, or outside-availability")
    public Uni<Response> book(@Valid @NotNull Booking booking) {
        access.requireSelfOrStaff(identity, booking.patientId());
        return appointments.book(booking).map(a -> Response.created(
                        uri.getBaseUriBuilder().path("api/v1/appointments").path(a.id().toString()).build())
                .header(HttpHeaders.ETAG, Versions.etag(a.version()))
                .entity(a)
                .build());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({RECEPTIONIST, ADMIN, PHYSICIAN, NURSE, PATIENT})
    @Audited(action = "read", resource = AppointmentService.RESOURCE)
    @Operation(operationId = "getAppointment", summary = "Read an appointment", description = "A patient may read"
            + " only their own.")
    @APIResponse(responseCode = "200", description = "The appointment; ETag is its version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return appointments.get(id, selfOrStaff()).map(AppointmentResource::withEtag);
    }

    @POST
    @Path("{id}/reschedule")
    @RolesAllowed({RECEPTIONIST, ADMIN, PATIENT})
    @Audited(action = AppointmentService.UPDATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "rescheduleAppointment", summary = "Move a booked appointment", description = "If-Match"
            + " must carry the appointment's ETag: 428 without it, 412 when stale. A patient may move only their own.")
    @APIResponse(responseCode = "200", description = "Moved; ETag is the new version",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "409", description = "slot-taken, patient-busy, or " + TRANSITION_409)
    @APIResponse(responseCode = "412", description = "stale-version: If-Match is not the current version")
    @APIResponse(responseCode = "422", description = "outside-availability")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> reschedule(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag this change is based on, e.g. \"0\"",
                    required = true) String ifMatch,
            @Valid @NotNull Reschedule change) {
        long expected = Versions.fromIfMatch(ifMatch);
        return appointments.reschedule(id, expected, change, selfOrStaff()).map(AppointmentResource::withEtag);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({RECEPTIONIST, ADMIN, PATIENT})
    @Audited(action = AppointmentService.UPDATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "cancelAppointment", summary = "Cancel an appointment", description = "A patient may"
            + " cancel only their own. Frees the time.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "409", description = TRANSITION_409)
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> cancel(@PathParam("id") UUID id, @Valid @NotNull Cancellation cancellation) {
        return appointments.cancel(id, cancellation.reason().strip(), selfOrStaff()).map(AppointmentResource::withEtag);
    }

    @POST
    @Path("{id}/check-in")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    @RolesAllowed({RECEPTIONIST, NURSE, ADMIN})
    @Audited(action = AppointmentService.UPDATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "checkInAppointment", summary = "Check the patient in",
            description = "Publishes AppointmentCheckedIn (clinical opens an encounter from it).")
    @APIResponse(responseCode = "200", description = "Checked in",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "409", description = TRANSITION_409)
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> checkIn(@PathParam("id") UUID id) {
        return appointments.checkIn(id).map(AppointmentResource::withEtag);
    }

    @POST
    @Path("{id}/no-show")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    @RolesAllowed({RECEPTIONIST, NURSE, ADMIN})
    @Audited(action = AppointmentService.UPDATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "markNoShow", summary = "Record that the patient did not come")
    @APIResponse(responseCode = "200", description = "Marked as no-show",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "409", description = TRANSITION_409)
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> noShow(@PathParam("id") UUID id) {
        return appointments.noShow(id).map(AppointmentResource::withEtag);
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    @RolesAllowed({PHYSICIAN, NURSE, ADMIN})
    @Audited(action = AppointmentService.UPDATE, resource = AppointmentService.RESOURCE)
    @Operation(operationId = "completeAppointment", summary = "Complete a checked-in appointment")
    @APIResponse(responseCode = "200", description = "Completed",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppointmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No appointment with this id")
    @APIResponse(responseCode = "409", description = TRANSITION_409)
    @APIResponse(responseCode = "410", description = "patient-erased")
    public Uni<Response> complete(@PathParam("id") UUID id) {
        return appointments.complete(id).map(AppointmentResource::withEtag);
    }

    /** A patient reaches only their own appointments; staff any. */
    private Consumer<UUID> selfOrStaff() {
        return patientId -> access.requireSelfOrStaff(identity, patientId);
    }

    private static Response withEtag(AppointmentResponse a) {
        return Response.ok(a).header(HttpHeaders.ETAG, Versions.etag(a.version())).build();
    }
}
