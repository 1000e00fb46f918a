package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An encounter began: an outpatient visit (from an appointment check-in, or opened by hand)
 * or an inpatient stay (then PatientAdmitted follows with the ward and bed).
 *
 * @param encounterClass {@code outpatient} or {@code inpatient}
 * @param appointmentId the appointment checked in, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EncounterOpened(
        UUID encounterId,
        UUID patientId,
        String encounterClass,
        UUID appointmentId,
        UUID practitionerId,
        Instant startedAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.EncounterOpened", 1, Topics.CLINICAL, EncounterOpened.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
