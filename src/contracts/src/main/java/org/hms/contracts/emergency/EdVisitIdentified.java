package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * An unidentified patient's visit was reconciled to a registered patient: the visit's triage,
 * alerts and history now belong to {@code patientId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdVisitIdentified(UUID visitId, UUID patientId, String temporaryIdentity, Instant identifiedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.EdVisitIdentified", 1, Topics.EMERGENCY, EdVisitIdentified.class);

    @Override
    public String subject() {
        return visitId.toString();
    }
}
