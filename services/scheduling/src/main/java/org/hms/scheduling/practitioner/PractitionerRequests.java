package org.hms.scheduling.practitioner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The practitioner API's bodies. */
public final class PractitionerRequests {

    private PractitionerRequests() {}

    /** A specialty code: lower case words joined by hyphens ("cardiology", "general-practice"). */
    public static final String SPECIALTY = "[a-z]+(-[a-z]+)*";

    /** A person's name as FHIR HumanName puts it. */
    public record PersonName(
            @NotBlank @Size(max = 100) @Schema(examples = "Nowak") String family,
            @NotNull @Size(min = 1, max = 5) List<@NotBlank @Size(max = 100) String> given) {}

    /** The body of {@code POST /api/v1/practitioners}. */
    public record NewPractitioner(
            @NotNull @Valid PersonName name,
            @NotBlank @Size(max = 60) @Pattern(regexp = SPECIALTY, message = "must be lower-case words joined by hyphens")
                    @Schema(examples = "cardiology") String specialty,
            @Schema(description = "The practitioner's user account in identity, if any") UUID userId) {}
}
