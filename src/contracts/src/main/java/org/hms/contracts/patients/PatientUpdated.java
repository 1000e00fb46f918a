package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** A patient's demographics changed; carries the whole new state, not a diff. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientUpdated(UUID patientId, String mrn, long version, PatientDetails patient)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.patients.PatientUpdated", 1, Topics.PATIENTS, PatientUpdated.class);

    @Override
    public String subject() {
        return patientId.toString();
    }
}
