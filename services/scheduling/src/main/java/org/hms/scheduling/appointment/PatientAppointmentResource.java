package org.hms.scheduling.appointment;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.platform.audit.Audited;
import org.hms.platform.security.PatientAccess;
import org.hms.platform.web.Page;

/** A patient's appointments, for the desk and for the patient themselves. */
@Path("/api/v1/patients/{id}/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class PatientAppointmentResource {

    private final AppointmentService appointments;
    private final PatientAccess access;
    private final SecurityIdentity identity;

    public PatientAppointmentResource(AppointmentService appointments, PatientAccess access, SecurityIdentity identity) {
        this.appointments = appointments;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({RECEPTIONIST, ADMIN, PHYSICIAN, NURSE, PATIENT})
    @Audited(action = "search", resource = AppointmentService.RESOURCE)
    @Operation(operationId = "listPatientAppointments", summary = "A patient's upcoming or past appointments",
            description = "Upcoming: from now on, soonest first; past: latest first. A patient may list only their"
                    + " own. Appointments of an erased patient are not listed.")
    public Uni<Page<AppointmentResponse>> list(
            @PathParam("id") UUID id,
            @QueryParam("when") @DefaultValue("upcoming") @Pattern(regexp = "upcoming|past",
                    message = "must be upcoming or past") @Parameter(description = "upcoming or past") String when,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        access.requireSelfOrStaff(identity, id);
        return appointments.ofPatient(id, "upcoming".equals(when), page, size);
    }
}
