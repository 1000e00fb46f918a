package org.hms.contracts.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A patient's personal data was erased (GDPR art. 17): every service that keeps a copy of
 * it must remove or anonymise its copy. Carries no personal data itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientErased(UUID patientId, Instant erasedAt, long version) implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.patients.PatientErased", 1, Topics.PATIENTS, PatientErased.class);

    @Override
    public String subject() {
        return patientId.toString();
    }
}
