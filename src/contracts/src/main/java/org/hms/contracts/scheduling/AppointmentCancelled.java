package org.hms.contracts.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An appointment was cancelled: on request (cause "requested"), or because the patient's
 * personal data was erased ("patient-erased") or the patient was merged into a record already
 * booked at that time ("patient-merged"). Its time is free again.
 * Keyed by the appointment, so one appointment's events stay in order. No free text (the
 * reason for the visit is personal health information and stays in scheduling).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentCancelled(
        UUID appointmentId,
        UUID patientId,
        UUID practitionerId,
        Instant start,
        int minutes,
        String cause,
        Instant cancelledAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT = new EventContract(
            "org.hms.scheduling.AppointmentCancelled", 1, Topics.SCHEDULING, AppointmentCancelled.class);

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
