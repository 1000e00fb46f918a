package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** A patient was registered and given a medical record number. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientRegistered(UUID patientId, String mrn, long version, PatientDetails patient)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.patients.PatientRegistered", 1, Topics.PATIENTS, PatientRegistered.class);

    @Override
    public String subject() {
        return patientId.toString();
    }
}
