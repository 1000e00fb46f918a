package org.hms.scheduling.slot;

import static org.hms.platform.security.Roles.ADMIN;
import static org.hms.platform.security.Roles.NURSE;
import static org.hms.platform.security.Roles.PATIENT;
import static org.hms.platform.security.Roles.PHYSICIAN;
import static org.hms.platform.security.Roles.RECEPTIONIST;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hms.scheduling.practitioner.PractitionerRequests;
import org.hms.scheduling.slot.SlotResponse.SlotList;
import java.time.LocalDate;
import org.hms.scheduling.web.Dates;
import org.hms.scheduling.web.FieldChecks;

/** Free slots over HTTP: what a desk or a patient booking online picks from. */
@Path("/api/v1/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Slots", description = "Free time to book")
public class SlotResource {

    private final SlotService slots;

    public SlotResource(SlotService slots) {
        this.slots = slots;
    }

    @GET
    @RolesAllowed({RECEPTIONIST, PHYSICIAN, NURSE, ADMIN, PATIENT})
    @Operation(operationId = "findFreeSlots", summary = "Free slots of a specialty over a range of dates",
            description = "from and to are dates in each practitioner's time zone, inclusive, at most 31 days;"
                    + " slots in the past and taken ones are left out. Earliest first.")
    public Uni<SlotList> free(
            @QueryParam("specialty") @NotNull @Size(max = 60)
                    @Pattern(regexp = PractitionerRequests.SPECIALTY, message = "must be lower-case words joined by hyphens")
                    String specialty,
            @QueryParam("from") @NotNull @Parameter(description = "ISO date, e.g. 2026-12-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @NotNull @Parameter(description = "ISO date, e.g. 2026-12-07", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("practitionerId") UUID practitionerId) {
        LocalDate first = Dates.tryParse(from);
        LocalDate last = Dates.tryParse(to);
        new FieldChecks().require(first != null, "from", Dates.MESSAGE).require(last != null, "to", Dates.MESSAGE).done();
        return slots.free(specialty, first, last, practitionerId);
    }
}
