package org.hms.scheduling.slot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a practitioner can be booked: a weekly template in their time zone, and exceptions on
 * given dates (leave, or an extra session). Stored as JSON on the practitioner, in the API's
 * own shape; times are local to {@link #timeZone}.
 */
@Schema(name = "Availability")
public record Availability(
        @NotBlank @Size(max = 64) @Schema(examples = "Europe/Warsaw", description = "IANA time zone") String timeZone,
        @NotNull @Size(max = 100) List<@Valid @NotNull WeeklySession> weekly,
        @Size(max = 400) List<@Valid @NotNull DateException> exceptions) {

    /** Local times travel as "08:00". */
    static final String HH_MM = "HH:mm";

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public Availability {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** Every {@code dayOfWeek}, from {@code start} to {@code end}, in slots of {@code slotMinutes}. */
    public record WeeklySession(
            @NotNull DayOfWeek dayOfWeek,
            @NotNull @JsonFormat(pattern = HH_MM) @Schema(type = SchemaType.STRING, pattern = TIME,
                    examples = "08:00") LocalTime start,
            @NotNull @JsonFormat(pattern = HH_MM) @Schema(type = SchemaType.STRING, pattern = TIME,
                    examples = "12:00") LocalTime end,
            @Min(5) @Max(240) int slotMinutes) {}

    /**
     * One date that differs from the template. {@code available = false}: leave, the whole day,
     * or only from {@code start} to {@code end} when they are given. {@code available = true}: an
     * extra session from {@code start} to {@code end} in slots of {@code slotMinutes}.
     */
    public record DateException(
            @NotNull LocalDate date,
            @NotNull Boolean available,
            @JsonFormat(pattern = HH_MM) @Schema(type = SchemaType.STRING, pattern = TIME, examples = "14:00")
                    LocalTime start,
            @JsonFormat(pattern = HH_MM) @Schema(type = SchemaType.STRING, pattern = TIME, examples = "18:00")
                    LocalTime end,
            @Min(5) @Max(240) Integer slotMinutes) {

        boolean wholeDay() {
            return start == null || end == null;
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
