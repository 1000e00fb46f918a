package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A patient arrived in the emergency department. An unidentified patient has no patientId yet,
 * only a temporary identity (e.g. {@code UNKNOWN-7F3K2Q}); the visit is reconciled later
 * ({@link EdVisitIdentified}). Keyed by visit: one visit's events stay in order. Carries no
 * free text (the chief complaint stays in the emergency service).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdVisitArrived(UUID visitId, UUID patientId, String temporaryIdentity, Instant arrivedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.EdVisitArrived", 1, Topics.EMERGENCY, EdVisitArrived.class);

    @Override
    public String subject() {
        return visitId.toString();
    }
}
