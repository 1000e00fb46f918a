package org.hms.contracts.emergency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.hms.contracts.DomainEvent;
import org.hms.contracts.EventContract;
import org.hms.contracts.Topics;

/**
 * A clinical alert: a patient needs urgent attention. Keyed by alert: its raise, acknowledgement
 * and escalation stay in order.
 *
 * @param patientId null while the patient of an ED visit is unidentified
 * @param visitId the ED visit the alert belongs to, or null (e.g. a ward patient's vitals)
 * @param severity {@code critical} or {@code high}
 * @param source {@code triage} (ESI 1–2 on arrival), {@code news2} (clinical vitals) or {@code lab}
 * @param location where the patient is: {@code ED} or a ward and bed
 * @param reason what a clinician reads, e.g. {@code ESI 1: immediate life-saving intervention}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertRaised(UUID alertId, UUID patientId, UUID visitId, String severity, String source, String location, String reason, Instant raisedAt)
        implements DomainEvent {

    public static final EventContract CONTRACT =
            new EventContract("org.hms.emergency.AlertRaised", 1, Topics.EMERGENCY, AlertRaised.class);

    @Override
    public String subject() {
        return alertId.toString();
    }
}
