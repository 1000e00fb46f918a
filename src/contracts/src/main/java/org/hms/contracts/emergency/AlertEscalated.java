package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A critical alert stayed unacknowledged longer than the escalation time: escalated once.
 *
 * @param unacknowledgedSeconds how long it had been open when it escalated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEscalated(UUID alertId, UUID patientId, String severity, long unacknowledgedSeconds, Instant escalatedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.AlertEscalated", 1, Topics.EMERGENCY, AlertEscalated.class);

    @Override
    public String subject() {
        return alertId.toString();
    }
}
