package org.hms.scheduling.appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hms.platform.audit.PatientData;

/** An appointment as clients see it; {@code version} is also the ETag. */
public record AppointmentResponse(
        UUID id,
        UUID patientId,
        UUID practitionerId,
        Instant start,
        int minutes,
        String type,
        String reason,
        AppointmentStatus status,
        String cancelReason,
        Instant bookedAt,
        Instant checkedInAt,
        Instant completedAt,
        Instant cancelledAt,
        long version)
        implements PatientData {

    static AppointmentResponse of(Appointment a) {
        return new AppointmentResponse(a.id, a.patientId, a.practitionerId, a.startAt, a.minutes, a.type, a.reason,
                a.status, a.cancelReason, a.bookedAt, a.checkedInAt, a.completedAt, a.cancelledAt, a.version);
    }

    @Override
    public List<UUID> patientIds() {
        return List.of(patientId);
    }
}
