package org.hms.emergency.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the ED visits API. */
public final class EdVisitRequests {

    private EdVisitRequests() {}

    /**
     * An arrival: a registered patient ({@code patientId}) or an unidentified one described by
     * {@code unidentified} — exactly one of the two.
     */
    public record Arrival(
            @Schema(description = "The registered patient; null for an unidentified one") UUID patientId,
            @Valid @Schema(description = "An unidentified patient, when patientId is null") Unidentified unidentified,
            @NotBlank @Size(max = 500) String chiefComplaint) {}

    /** What the desk can tell about a patient who cannot be identified yet. */
    public record Unidentified(
            @NotNull @Pattern(regexp = "male|female|other|unknown") String sex,
            @NotNull @Min(0) @Max(130) Integer estimatedAgeYears) {}

    /** The triage nurse's answers at the ESI decision points, and the vitals (each may be absent). */
    public record Triage(
            @NotNull Boolean lifeSavingIntervention,
            @NotNull Boolean highRisk,
            @NotNull Boolean confusedLethargicOrDisoriented,
            @NotNull Boolean severePainOrDistress,
            @NotNull @Min(0) @Max(20) @Schema(description = "Different resources expected (labs, imaging, IV...)")
                    Integer expectedResources,
            @NotNull @Min(0) @Max(1560) @Schema(description = "Age in months (danger-zone limits depend on it)")
                    Integer ageMonths,
            @Min(0) @Max(350) Integer heartRate,
            @Min(0) @Max(150) Integer respiratoryRate,
            @Min(0) @Max(100) Integer spo2,
            @Valid @Schema(description = "The nurse's level when she overrides the computed one") TriageOverride override) {}

    /** A triage nurse's override of the computed level, with her reason (kept). */
    public record TriageOverride(@NotNull @Min(1) @Max(5) Integer level, @NotBlank @Size(max = 500) String reason) {}

    /** Reconciles an unidentified patient's visit to a registered patient. */
    public record Identification(@NotNull UUID patientId) {}

    /** How the patient left the department. */
    public record Departure(@NotNull @Pattern(regexp = "admitted|discharged|transferred|left") String disposition) {}
}
