package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/** A clinician took charge of an alert. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertAcknowledged(UUID alertId, UUID patientId, String acknowledgedBy, Instant acknowledgedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.AlertAcknowledged", 1, Topics.EMERGENCY, AlertAcknowledged.class);

    @Override
    public String subject() {
        return alertId.toString();
    }
}
