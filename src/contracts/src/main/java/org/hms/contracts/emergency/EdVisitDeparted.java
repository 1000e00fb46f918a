package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A patient left the emergency department.
 *
 * @param disposition {@code admitted}, {@code discharged}, {@code transferred} or {@code left}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdVisitDeparted(UUID visitId, UUID patientId, String disposition, Instant departedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.EdVisitDeparted", 1, Topics.EMERGENCY, EdVisitDeparted.class);

    @Override
    public String subject() {
        return visitId.toString();
    }
}
