package org.hms.clinical.encounter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the encounter and ward operations. */
public final class EncounterRequests {

    private EncounterRequests() {}

    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    /**
     * Opens an encounter by hand: an outpatient visit (no ward or bed), or an admission to a
     * ward's free bed.
     */
    public record OpenEncounter(
            @NotNull UUID patientId,
            @NotNull @Pattern(regexp = "outpatient|inpatient", message = "must be outpatient or inpatient")
                    @Schema(enumeration = {"outpatient", "inpatient"}, example = "inpatient")
                    String encounterClass,
            @Size(max = 40) @Pattern(regexp = CODE, message = "must be a ward code") @Schema(example = "CARD-A")
                    String ward,
            @Size(max = 40) @Pattern(regexp = CODE, message = "must be a bed label") @Schema(example = "12")
                    String bed,
            UUID practitionerId,
            @Size(max = 500) String reason) {}

    /** Moves an admitted patient to another free bed. */
    public record Transfer(
            @NotNull @Size(max = 40) @Pattern(regexp = CODE, message = "must be a ward code") String ward,
            @NotNull @Size(max = 40) @Pattern(regexp = CODE, message = "must be a bed label") String bed) {}

    /** Ends an encounter; an inpatient's bed goes to cleaning. */
    public record Discharge(@NotBlank @Size(max = 20_000) @Schema(description = "The discharge summary") String summary) {}

    /** A new ward with its beds (administration). */
    public record NewWard(
            @NotNull @Size(max = 40) @Pattern(regexp = CODE, message = "must be a ward code") String code,
            @NotBlank @Size(max = 80) String name,
            @NotEmpty @Size(max = 200) List<@NotNull @Size(max = 40)
                    @Pattern(regexp = CODE, message = "must be a bed label") String> beds) {}

    /** The ward as it is now. */
    public record WardResponse(String code, String name, int beds) {}

}
