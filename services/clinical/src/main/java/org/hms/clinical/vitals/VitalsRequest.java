package org.hms.clinical.vitals;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complete set of vital signs as a nurse charts it. The bounds refuse what no living patient
 * can have (or a typing slip), not what is merely alarming: those are what NEWS2 is for.
 */
@Schema(description = "A complete set of vital signs (each one a LOINC-coded observation)")
public record VitalsRequest(
        @NotNull UUID patientId,
        @Schema(description = "The encounter the set was taken in; absent: the patient's current encounter, if any")
                UUID encounterId,
        @NotNull @Schema(example = "2026-11-25T10:00:00Z") Instant takenAt,
        @NotNull @Min(1) @Max(80) @Schema(description = "Respiratory rate /min (LOINC 9279-1)", example = "26")
                Integer respiratoryRate,
        @NotNull @Min(20) @Max(100) @Schema(description = "Oxygen saturation % (LOINC 59408-5, by pulse oximetry)",
                        example = "90")
                Integer spo2,
        @NotNull @Min(1) @Max(2) @Schema(description = "NEWS2 SpO2 scale: 2 only for a patient with a documented"
                        + " hypercapnic target (PUT /api/v1/patients/{id}/vitals/spo2-scale)", example = "1")
                Integer spo2Scale,
        @NotNull @Schema(description = "On supplemental oxygen (LOINC 3150-0 inhaled oxygen)", example = "false")
                Boolean supplementalOxygen,
        @NotNull @Min(30) @Max(300) @Schema(description = "Systolic blood pressure mmHg (LOINC 8480-6)", example = "95")
                Integer systolicBp,
        @NotNull @Min(10) @Max(300) @Schema(description = "Heart rate /min (LOINC 8867-4)", example = "120")
                Integer pulse,
        @NotNull @Pattern(regexp = "[ACVPU]", message = "must be one of A, C, V, P, U")
                @Schema(description = "ACVPU (LOINC 67775-7): Alert, new Confusion, Voice, Pain, Unresponsive",
                        enumeration = {"A", "C", "V", "P", "U"}, example = "A")
                String consciousness,
        @NotNull @DecimalMin("25.0") @DecimalMax("45.0") @Digits(integer = 2, fraction = 1)
                @Schema(description = "Body temperature °C, one decimal (LOINC 8310-5)", example = "38.5")
                BigDecimal temperature) {

    News2.Observations observations() {
        return new News2.Observations(respiratoryRate, spo2, spo2Scale, supplementalOxygen, systolicBp, pulse,
                consciousness, temperature);
    }
}
