package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A patient was admitted to a ward and bed under an inpatient encounter.
 *
 * @param ward the ward's code
 * @param bed the bed's label within the ward
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientAdmitted(
        UUID encounterId,
        UUID patientId,
        String ward,
        String bed,
        Instant admittedAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.PatientAdmitted", 1, Topics.CLINICAL, PatientAdmitted.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
