package org.hms.clinical.vitals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** A recorded set of vitals as clients see it, with its NEWS2 score. */
public record VitalsResponse(
        UUID id,
        UUID patientId,
        UUID encounterId,
        Instant takenAt,
        Instant recordedAt,
        String recordedBy,
        int respiratoryRate,
        int spo2,
        int spo2Scale,
        boolean supplementalOxygen,
        int systolicBp,
        int pulse,
        String consciousness,
        BigDecimal temperature,
        News2Result news2,
        @Schema(description = "The LOINC code of each observation, by field") Map<String, String> codes)
        implements PatientData {

    /** LOINC codes of the observations (FHIR vital-signs profile; ACVPU as LOINC 67775-7). */
    static final Map<String, String> LOINC = Map.of(
            "respiratoryRate", "9279-1",
            "spo2", "59408-5",
            "supplementalOxygen", "3150-0",
            "systolicBp", "8480-6",
            "pulse", "8867-4",
            "consciousness", "67775-7",
            "temperature", "8310-5");

    /**
     * NEWS2 of the set.
     *
     * @param risk low, low-medium (a single 3, total under 5), medium or high
     * @param alert whether an urgent review was raised (total 7 or more, or a 3 in any parameter)
     */
    public record News2Result(
            int score,
            @Schema(enumeration = {"low", "low-medium", "medium", "high"}) String risk,
            boolean alert,
            Map<String, Integer> parameters) {}

    static VitalsResponse of(Vitals v) {
        News2.Score score = v.news2();
        return new VitalsResponse(v.id, v.patientId, v.encounterId, v.takenAt, v.recordedAt, v.recordedBy,
                v.respiratoryRate, v.spo2, v.spo2Scale, v.supplementalOxygen, v.systolicBp, v.pulse, v.consciousness,
                v.temperature, new News2Result(score.total(), score.risk(), score.alert(), score.parameters()), LOINC);
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(patientId);
    }
}
