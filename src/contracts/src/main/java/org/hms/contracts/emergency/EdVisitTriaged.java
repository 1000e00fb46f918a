package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A triage nurse assessed a visit with the Emergency Severity Index (v4, 1 most urgent to 5).
 *
 * @param computedLevel what the ESI decision points give
 * @param level the level in force: the computed one, or the nurse's override
 * @param reason why the computed level (e.g. {@code danger-zone vitals})
 * @param overridden whether the nurse overrode the computed level (her reason stays in emergency)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EdVisitTriaged(UUID visitId, UUID patientId, int computedLevel, int level, String reason, boolean overridden, Instant triagedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.EdVisitTriaged", 1, Topics.EMERGENCY, EdVisitTriaged.class);

    @Override
    public String subject() {
        return visitId.toString();
    }
}
