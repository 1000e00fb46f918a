package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A duplicate record was retired into a survivor: whatever other services hold under
 * {@code patientId} now belongs to {@code survivorId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientMerged(UUID patientId, UUID survivorId, String survivorMrn, long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.patients.PatientMerged", 1, Topics.PATIENTS, PatientMerged.class);

    @Override
    public String subject() {
        return patientId.toString();
    }
}
