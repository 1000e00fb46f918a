package org.hms.scheduling.appointment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The appointment API's request bodies. */
public final class AppointmentRequests {

    private AppointmentRequests() {}

    /** An appointment type code: lower-case words joined by hyphens. */
    public static final String TYPE = "[a-z]+(-[a-z]+)*";

    /** The body of {@code POST /api/v1/appointments}. */
    public record Booking(
            @NotNull UUID patientId,
            @NotNull UUID practitionerId,
            @NotNull @Schema(examples = "2026-12-01T07:00:00Z") Instant start,
            @NotNull @Min(5) @Max(480) Integer minutes,
            @NotBlank @Size(max = 40) @Pattern(regexp = TYPE, message = "must be lower-case words joined by hyphens")
                    @Schema(examples = "consultation") String type,
            @Size(max = 500) @Schema(description = "Why the patient comes; personal health information, kept out of"
                    + " events and removed on erasure", examples = "chest pain") String reason) {}

    /** The body of {@code POST /api/v1/appointments/{id}/reschedule}. */
    public record Reschedule(
            @NotNull @Schema(examples = "2026-12-01T07:15:00Z") Instant start,
            @NotNull @Min(5) @Max(480) Integer minutes) {}

    /** The body of {@code POST /api/v1/appointments/{id}/cancel}. */
    public record Cancellation(@NotBlank @Size(max = 500) @Schema(examples = "patient asked") String reason) {}
}
