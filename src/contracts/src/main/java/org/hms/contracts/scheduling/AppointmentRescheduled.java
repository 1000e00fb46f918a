package org.hms.contracts.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A booked appointment moved to another time (same practitioner, same patient).
 * Keyed by the appointment, so one appointment's events stay in order. No free text (the
 * reason for the visit is personal health information and stays in scheduling).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentRescheduled(
        UUID appointmentId,
        UUID patientId,
        UUID practitionerId,
        Instant previousStart,
        Instant start,
        int minutes,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT = new EventContract(
            "org.hms.scheduling.AppointmentRescheduled", 1, Topics.SCHEDULING, AppointmentRescheduled.class);

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
