package org.hms.emergency.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/**
 * An alert as clients see it.
 *
 * @param patientId null while the patient of its ED visit is unidentified
 * @param severity critical or high
 * @param source triage (ESI 1–2), news2 (clinical vitals) or lab
 * @param status open or acknowledged
 * @param escalatedAt when an unacknowledged critical alert escalated, else null
 */
public record AlertResponse(
        UUID id,
        UUID patientId,
        UUID visitId,
        String severity,
        String source,
        String location,
        String reason,
        String status,
        Instant raisedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant escalatedAt,
        long version)
        implements PatientData {

    @Override
    public List<UUID> patientIds() {
        return patientId == null ? List.of() : List.of(patientId);
    }

    static AlertResponse of(Alert a) {
        return new AlertResponse(a.id, a.patientId, a.visitId, a.severity, a.source, a.location, a.reason,
                a.status.name().toLowerCase(), a.raisedAt, a.acknowledgedAt, a.acknowledgedBy, a.escalatedAt,
                a.version);
    }
}
