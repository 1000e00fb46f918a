package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** A clinician saw the patient of a visit (the end of the wait for a clinician). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdVisitSeen(UUID visitId, UUID patientId, Instant seenAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.EdVisitSeen", 1, Topics.EMERGENCY, EdVisitSeen.class);

    @Override
    public String subject() {
        return visitId.toString();
    }
}
