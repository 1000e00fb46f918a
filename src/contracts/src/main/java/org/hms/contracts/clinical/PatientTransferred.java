package org.hms.contracts.clinical;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An admitted patient moved to another bed (of the same or another ward); the bed left
 * is to be cleaned.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientTransferred(
        UUID encounterId,
        UUID patientId,
        String fromWard,
        String fromBed,
        String ward,
        String bed,
        Instant transferredAt,
        long version)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.clinical.PatientTransferred", 1, Topics.CLINICAL, PatientTransferred.class);

    /** Keyed by patient: one patient's clinical events stay in order. */
    @Override
    public String subject() {
        return patientId.toString();
    }
}
