package org.hms.contracts.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A checked-in appointment took place and was completed.
 * Keyed by the appointment, so one appointment's events stay in order. No free text (the
 * reason for the visit is personal health information and stays in scheduling).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentCompleted(
        UUID appointmentId,
        UUID patientId,
        UUID practitionerId,
        Instant start,
        int minutes,
        String type,
        Instant completedAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT = new EventContract(
            "org.hms.scheduling.AppointmentCompleted", 1, Topics.SCHEDULING, AppointmentCompleted.class);

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
