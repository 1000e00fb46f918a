package org.hms.contracts.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An appointment was booked (by the desk, or by the patient online).
 * Keyed by the appointment, so one appointment's events stay in order. No free text (the
 * reason for the visit is personal health information and stays in scheduling).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentBooked(
        UUID appointmentId,
        UUID patientId,
        UUID practitionerId,
        Instant start,
        int minutes,
        String type,
        Instant bookedAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT = new EventContract(
            "org.hms.scheduling.AppointmentBooked", 1, Topics.SCHEDULING, AppointmentBooked.class);

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
