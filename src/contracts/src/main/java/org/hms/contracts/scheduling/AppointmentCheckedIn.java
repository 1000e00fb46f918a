package org.hms.contracts.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A patient arrived for a booked appointment and was checked in at the desk. Clinical opens an
 * outpatient encounter from it. Keyed by the appointment, so one appointment's events stay in order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentCheckedIn(
        UUID appointmentId,
        UUID patientId,
        UUID practitionerId,
        Instant start,
        int minutes,
        String type,
        Instant checkedInAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT = new EventContract(
            "org.hms.scheduling.AppointmentCheckedIn", 1, Topics.SCHEDULING, AppointmentCheckedIn.class);

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
