package org.hms.clinical.vitals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/** The SpO2 scale documented for a patient, as clients see it. */
public record Spo2ScaleResponse(UUID patientId, int scale, String reason, String setBy, Instant setAt)
        implements PatientData {

    /** A physician's documentation: scale 2 for a hypercapnic target of 88-92 %, or back to 1. */
    public record Spo2ScaleRequest(
            @NotNull @Min(1) @Max(2) Integer scale,
            @NotBlank @Size(max = 500) String reason) {}

    static Spo2ScaleResponse of(Spo2Scale s) {
        return new Spo2ScaleResponse(s.patientId, s.scale, s.reason, s.setBy, s.setAt);
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(patientId);
    }
}
