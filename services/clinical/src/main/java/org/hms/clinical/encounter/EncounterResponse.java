package org.hms.clinical.encounter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hms.platform.audit.PatientData;

/** An encounter as clients see it. */
public record EncounterResponse(
        UUID id,
        UUID patientId,
        @Schema(enumeration = {"outpatient", "inpatient"}) String encounterClass,
        @Schema(enumeration = {"in-progress", "finished"}) String status,
        UUID appointmentId,
        UUID practitionerId,
        String reason,
        String ward,
        String bed,
        Instant startedAt,
        Instant endedAt,
        String dischargeSummary,
        long version)
        implements PatientData {

    static EncounterResponse of(Encounter e) {
        return new EncounterResponse(e.id, e.patientId, e.encounterClass.code(), e.status.code(), e.appointmentId,
                e.practitionerId, e.reason, e.ward, e.bed, e.startedAt, e.endedAt, e.dischargeSummary, e.version);
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(patientId);
    }
}
